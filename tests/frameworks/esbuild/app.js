// A page's own script, bundled by esbuild with the element, as docs/embedding.md says.
import 'openai-error-explainer/define';
