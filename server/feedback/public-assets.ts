import { createHash } from 'node:crypto';

/**
 * Solves the proof-of-work challenge in the browser when the form is sent, then sends it. It
 * derives keys as altcha-lib's SHA-256 algorithm does (salt, then nonce and a big-endian
 * 32-bit counter, hashed `cost` times) and counts up from 0 until the key starts with the
 * challenge's prefix. Without Web Crypto or on failure, the arithmetic question shows instead.
 */
const antispamScript = `(() => {
  'use strict';
  const form = document.querySelector('form[data-proof-of-work]');
  if (!form || !window.fetch || !window.crypto || !window.crypto.subtle) {
    return;
  }
  const group = document.getElementById('fb-arithmetic');
  const answer = form.querySelector('input[name="arithmeticAnswer"]');
  const payload = form.querySelector('input[name="proofOfWork"]');
  const status = document.getElementById('fb-antispam-status');
  if (group && answer && !answer.value) {
    group.hidden = true;
  }
  let isSolved = false;

  const toHex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const fromHex = (text) => new Uint8Array(text.match(/../g).map((pair) => parseInt(pair, 16)));

  async function deriveKey(parameters, salt, nonce, counter) {
    let data = new Uint8Array(salt.length + nonce.length + 4);
    data.set(salt, 0);
    data.set(nonce, salt.length);
    new DataView(data.buffer).setUint32(salt.length + nonce.length, counter, false);
    for (let round = 0; round < Math.max(1, parameters.cost); round++) {
      data = new Uint8Array(await crypto.subtle.digest(parameters.algorithm, data));
    }
    return data.slice(0, parameters.keyLength);
  }

  async function solve(challenge) {
    const parameters = challenge.parameters;
    const salt = fromHex(parameters.salt);
    const nonce = fromHex(parameters.nonce);
    const prefix = parameters.keyPrefix.toLowerCase();
    const started = Date.now();
    for (let counter = 0; Date.now() - started < 60000; counter++) {
      const key = toHex(await deriveKey(parameters, salt, nonce, counter));
      if (key.startsWith(prefix)) {
        return { counter: counter, derivedKey: key, time: Date.now() - started };
      }
    }
    return null;
  }

  form.addEventListener('submit', async (event) => {
    const isAnswered = group && !group.hidden && answer && answer.value.trim() !== '';
    if (isSolved || isAnswered) {
      return;
    }
    event.preventDefault();
    status.textContent = 'Đang kiểm tra chống thư rác, vui lòng chờ trong giây lát…';
    try {
      const response = await fetch(form.dataset.proofOfWork, { cache: 'no-store' });
      const challenge = await response.json();
      const solution = await solve(challenge);
      if (!solution) {
        throw new Error('no solution within the time limit');
      }
      payload.value = btoa(JSON.stringify({ challenge: challenge, solution: solution }));
      isSolved = true;
      status.textContent = 'Đã kiểm tra xong, đang gửi…';
      form.submit();
    } catch (error) {
      if (group) {
        group.hidden = false;
      }
      status.textContent =
        'Không tự kiểm tra chống thư rác được. Vui lòng trả lời câu hỏi kiểm tra rồi bấm Gửi lại.';
    }
  });
})();
`;

const feedbackStyles = `
.feedback-form { max-width: 46rem; }
.feedback-form .field { margin: 0 0 1.25rem; }
.feedback-form label, .feedback-form legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.feedback-form .label-en { display: block; font-weight: 400; font-size: 0.875rem; color: #4a4a4a; }
.feedback-form .hint { margin: 0 0 0.375rem; color: #4a4a4a; font-size: 0.9375rem; }
.feedback-form input[type='text'], .feedback-form input[type='email'], .feedback-form input[type='tel'],
.feedback-form textarea, .feedback-form select, .lookup-form input[type='text'] {
  box-sizing: border-box; width: 100%; padding: 0.5rem; font: inherit;
  border: 2px solid #505a5f; border-radius: 0;
}
.feedback-form textarea { min-height: 12rem; }
.feedback-form fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
.feedback-form .choice { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: 400; }
.feedback-form .choice input { width: 1.25rem; height: 1.25rem; margin-top: 0.125rem; }
.feedback-form .field-error { border-left: 4px solid #b10e1e; padding-left: 0.75rem; }
.feedback-form .error-message { color: #b10e1e; font-weight: 600; margin: 0 0 0.375rem; }
.feedback-form [aria-invalid='true'] { border-color: #b10e1e; }
.feedback-form button, .lookup-form button {
  padding: 0.625rem 1.25rem; font: inherit; font-weight: 600; color: #fff;
  background: #1d4f91; border: 0; cursor: pointer;
}
.error-summary { border: 4px solid #b10e1e; padding: 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.25rem; }
.error-summary a { color: #b10e1e; font-weight: 600; }
.privacy-notice { background: #f3f2f1; padding: 1rem; margin: 0 0 1.25rem; }
.tracking-code { font-family: ui-monospace, monospace; font-size: 1.5rem; letter-spacing: 0.05em;
  overflow-wrap: break-word; padding: 0.75rem; border: 2px dashed #1d4f91; display: inline-block; }
.plain-text { white-space: pre-line; overflow-wrap: anywhere; }
.case-facts dt { font-weight: 600; }
.case-facts dd { margin: 0 0 0.75rem; }
.answer-list > li { list-style: none; border-bottom: 1px solid #b1b4b6; padding: 1rem 0; }
.answer-list { padding: 0; }
`;

function asAsset(path: string, body: string, contentType: string) {
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);

  return { path: `${path}?v=${version}`, route: path, body, contentType };
}

/** The script and styles the feedback pages load, with a content hash for caching. */
export const feedbackAssets = {
  script: asAsset('/gop-y/chong-thu-rac.js', antispamScript, 'text/javascript; charset=utf-8'),
  styles: asAsset('/gop-y/gop-y.css', feedbackStyles, 'text/css; charset=utf-8'),
};
