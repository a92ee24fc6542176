import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectToCore } from './app/core-client';
import './i18n';
import { useCore } from './stores/core-store';

void useCore.getState().connect(connectToCore());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
