// A minimal Astro Starlight site with the element, as docs/embedding.md says to set it up.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({ site: 'http://127.0.0.1', integrations: [starlight({ title: 'Explainer in Starlight' })] });
