import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { setApi } from './state/api.ts';
import { useCairn } from './state/store.ts';
import { pickTransport } from './transport/pick.ts';
import { startTheme } from './theme.ts';
import './styles.css';

startTheme();

const { api } = pickTransport((state) => useCairn.getState().setConnection(state));
setApi(api);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
