import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { toShanghaiLocal } from '../../shared/time/shanghai';
import { BackupContext } from './backup/context';
import { describeDbError, openAppDb } from './backup/database';
import { createBackupStore } from './backup/store';
import { App } from './app/App';
import { DbErrorScreen } from './app/DbErrorScreen';
import { DB_NAME } from './db/migrations';
import { initI18n } from './i18n';
import { initTheme } from './app/theme';
import { createAppStore } from './store';
import { createStoreDeps } from './store/deps';
import { StoreContext } from './app/StoreContext';
import './app/styles.css';
import './app/theme.css';
import './app/ux.css';

initI18n();
initTheme();

function render(node: ReactNode): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{node}</StrictMode>);
}

// The database is opened before anything renders: a corrupt store or a failed migration gets an error
// screen with a way out, never a blank window.
openAppDb().then(
  (db) => {
    const store = createAppStore(
      createStoreDeps(
        db,
        window.liuzheng,
        () => toShanghaiLocal(new Date()),
        () => crypto.randomUUID(),
      ),
    );
    render(
      <BackupContext.Provider value={createBackupStore({ api: window.liuzheng, db, dbName: DB_NAME })}>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </BackupContext.Provider>,
    );
  },
  (err: unknown) => {
    console.error('[db] cannot open the database', err);
    render(
      <BackupContext.Provider value={createBackupStore({ api: window.liuzheng, db: null, dbName: DB_NAME })}>
        <DbErrorScreen reason={describeDbError(err)} />
      </BackupContext.Provider>,
    );
  },
);
