import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect, setApiClient } from './api';
import { initI18n } from './i18n';
import { App } from './app/App';
import { NotConnected } from './app/NotConnected';
import './styles.css';

initI18n();
// Before anything reads the hash: the token fragment is taken and removed here.
const client = connect();
setApiClient(client);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StrictMode>{client ? <App /> : <NotConnected />}</StrictMode>);
}
