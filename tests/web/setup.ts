import '@testing-library/jest-dom/vitest';

import { cleanup } from '@solidjs/testing-library';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

// jsdom has no canvas; it answers `getContext` with null after printing a warning each time.
HTMLCanvasElement.prototype.getContext = () => null;
