// The renderer's only door to main: the preload's capability object, typed by the shared contract.
import type { LiuZhengApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    liuzheng: LiuZhengApi;
  }
}
