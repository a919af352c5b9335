// VitePress: Vue must be told the tag is a custom element, or the server-side render drops it.
export default {
  title: 'Explainer in VitePress',
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === 'openai-error-explainer' } } },
};
