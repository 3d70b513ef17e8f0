/**
 * UI strings. The workbench is Chinese only for now; `t` is the one entry point so that another
 * locale can be added without touching the screens.
 */
import { zhCN } from './zh-CN.ts';

export const t = zhCN;
export type { Strings } from './zh-CN.ts';
