// JSX types for <openai-error-explainer> in React 19 (Docusaurus 3, Next.js, plain React), in the form React 19's
// types read (`declare module 'react'`, not the global JSX namespace of React 18's). Types only; opt in with
//   import type {} from 'openai-error-explainer/react';
// React 19 sets the element's properties: `value`, `compact` (true or "") and `headingLevel`; `onexplained`
// listens for the `explained` event.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ExplainedEvent, OpenAIErrorExplainerElement } from './element.js';

export interface OpenAIErrorExplainerProps
  extends DetailedHTMLProps<HTMLAttributes<OpenAIErrorExplainerElement>, OpenAIErrorExplainerElement> {
  /** A paste to explain at once. */
  value?: string;
  /** The short form; `compact=""` (MDX) means on, as the attribute does. */
  compact?: boolean | '';
  /** The level of the entry title, 1 to 5 (by default one below the heading before the element). */
  headingLevel?: number;
  'heading-level'?: number | string;
  /** Called with each explanation (the `explained` event). */
  onexplained?: (event: ExplainedEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'openai-error-explainer': OpenAIErrorExplainerProps;
    }
  }
}
