// First: zod must be configured before any schema is built (see zod-setup.ts).
import '../src/data/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The production build works offline after one visit (src/offline/service-worker.ts). The dev
// server has no service worker: it would serve stale modules across edits.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => {
      // The app still runs, only not offline (e.g. a private window that refuses service workers).
      console.warn('Cutoff will not work offline: the service worker was refused.', error);
    });
  });
}
