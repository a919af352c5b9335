// A tiny consumer of the package, as a Vite user would write it: the browser entry, init() awaited at the top level.
import init, { catalogue, entry, explain, report, version } from 'openai-error-explainer';

const out = document.getElementById('out');
try {
  await init();
  const answer = explain(
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please " +
      "check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
  );
  // For the test, which compares more answers through the page.
  window.explainer = { catalogue, entry, explain, report, version };
  out.textContent = JSON.stringify({ first: answer.matches[0]?.id, version, entries: catalogue().length });
  out.dataset.state = 'ready';
} catch (e) {
  out.textContent = `${e?.name}: ${e?.message}`;
  out.dataset.state = 'error';
}
