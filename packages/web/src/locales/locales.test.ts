import { describe, expect, it } from 'vitest';
import {
  BASIS_TYPES,
  DIRECTIONS,
  FREQUENCIES,
  ITEM_ACTIONS,
  ITEM_KINDS,
  ITEM_STATES,
  NOTIFICATION_KINDS,
  PROJECT_PHASES,
  REPORT_STATES,
  ROLE_CODES,
  UNIT_KINDS,
  URGENCIES,
} from '../api/types';
import enUS from './en-US';
import zhCN from './zh-CN';

const locales: Record<string, Record<string, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

describe('locales', () => {
  it('zh-CN and en-US have exactly the same keys', () => {
    const zh = Object.keys(zhCN).sort();
    const en = Object.keys(enUS).sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en).toEqual(zh);
  });

  it.each(Object.entries(locales))('%s has no empty strings', (_name, messages) => {
    const empty = Object.entries(messages)
      .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(locales))('%s uses the same interpolation variables as zh-CN', (_name, messages) => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.entries(zhCN)
      .filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(messages[k] ?? '')))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('has a name and a description for every role and a name for every unit kind', () => {
    const needed = [
      ...ROLE_CODES.flatMap((r) => [`role.${r}`, `role.${r}.desc`]),
      ...UNIT_KINDS.map((k) => `unitKind.${k}`),
    ];
    expect(needed.filter((k) => !(k in zhCN))).toEqual([]);
  });

  it('words every value of the item and report enums the API sends', () => {
    const needed = [
      ...ITEM_KINDS.map((k) => `itemKind.${k}`),
      ...ITEM_STATES.map((k) => `itemStatus.${k}`),
      ...ITEM_ACTIONS.flatMap((a) => [`itemAction.${a}`, `itemAction.${a}.confirm`, `itemAction.${a}.done`]),
      ...REPORT_STATES.map((k) => `reportStatus.${k}`),
      ...['submit', 'approve', 'accept', 'return', 'correct'].map((a) => `reportAction.${a}.done`),
      ...BASIS_TYPES.map((k) => `basis.${k}`),
      ...URGENCIES.map((k) => `urgency.${k}`),
      ...PROJECT_PHASES.map((k) => `phase.${k}`),
      ...DIRECTIONS.map((k) => `direction.${k}`),
      ...FREQUENCIES.map((k) => `frequency.${k}`),
      ...NOTIFICATION_KINDS.filter((k) => k !== 'request_decided').map((k) => `notification.${k}`),
      'notification.request_decided.approved',
      'notification.request_decided.refused',
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `calendar.weekday.${d}`),
    ];
    expect(needed.filter((k) => !(k in zhCN))).toEqual([]);
  });
});
