import { describe, expect, it } from 'vitest';

// vite-plugin-solid switches the environment of its project to jsdom. The server project must
// not load it, because server code would then run with a fake DOM.
describe('server test project', () => {
  it('runs in Node without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });
});
