// Registers <openai-error-explainer>. Import this module for its side effect:
//   <script type="module" src="…/define.js"></script>
// It does nothing where there is no DOM (server-side rendering), and nothing if the tag is already taken.
import { OpenAIErrorExplainerElement, TAG } from './element.js';

export { OpenAIErrorExplainerElement };

if (globalThis.customElements && !customElements.get(TAG)) customElements.define(TAG, OpenAIErrorExplainerElement);
