// Types for define.js: importing it registers <openai-error-explainer> (see element.d.ts), and it exports the class.
export { OpenAIErrorExplainerElement } from './element.js';
