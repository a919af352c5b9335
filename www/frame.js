// The framed page: registers the element, applies `?compact`, and tells the parent its height (the only
// thing it ever posts; never the paste) so a host that listens can size the frame to fit.
import './pkg/define.js';

const el = document.querySelector('openai-error-explainer');
if (new URLSearchParams(location.search).has('compact')) el.setAttribute('compact', '');
if (parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) parent.postMessage({ type: 'openai-error-explainer:height', height: (last = height) }, '*');
  }).observe(document.body);
}
