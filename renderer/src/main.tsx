import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { toShanghaiLocal } from '../../shared/time/shanghai';
import { App } from './components/App';
import { openDb } from './db/db';
import { createDeadlineRepository } from './db/deadlineRepository';
import { createExtractionRepository } from './db/extractionRepository';
import { createSearchRepository } from './db/searchRepository';
import { createPortableRepository } from './db/portableRepository';
import { createRepositories } from './db/repositories';
import { initI18n } from './i18n';
import { createAppStore } from './store';
import { StoreContext } from './StoreContext';
import './styles.css';

initI18n();
const db = openDb();
const store = createAppStore({
  repo: createRepositories(db),
  deadlines: createDeadlineRepository(db),
  extractions: createExtractionRepository(db),
  search: createSearchRepository(db),
  portable: createPortableRepository(db),
  api: window.liuzheng,
  now: () => toShanghaiLocal(new Date()),
  newId: () => crypto.randomUUID(),
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  );
}
