// A minimal Docusaurus 3 site (React 19) with the element in two docs pages, as docs/embedding.md says to set it up.
export default {
  title: 'Explainer in Docusaurus',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [['classic', { docs: { routeBasePath: '/', sidebarPath: false }, blog: false, pages: false,
    theme: { customCss: './src/css/custom.css' } }]],
  // Registers <openai-error-explainer> in the browser; define.js does nothing during the server-side build.
  clientModules: ['./src/explainer.js'],
};
