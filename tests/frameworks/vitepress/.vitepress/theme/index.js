import DefaultTheme from 'vitepress/theme';

export default {
  extends: DefaultTheme,
  enhanceApp() {
    // In the browser only: the build renders pages in Node, where the element has nothing to do.
    if (!import.meta.env.SSR) import('openai-error-explainer/define');
  },
};
