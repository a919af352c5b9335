import 'openai-error-explainer/define';
