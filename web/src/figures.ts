// A figure as a reader writes it: 7%左右 in Chinese, about 7% in English — bounds follow the number in one
// language and precede it in the other; 达到/力争/确保 lead in Chinese.
import { currentLanguage } from './i18n.ts';

const ENGLISH_BOUNDS: Record<string, string> = { 左右: 'about ', 以上: '≥', 以内: '≤', 达到: '', 力争: 'aim ', 确保: 'at least ' };
const TRAILING = new Set(['左右', '以上', '以内']);

export function formatFigure(value: number, unit: string, comparator: string | null | undefined): string {
  const number = `${value}${unit}`;
  if (!comparator) return number;
  if (currentLanguage() === 'en') return `${ENGLISH_BOUNDS[comparator] ?? ''}${number}`;
  return TRAILING.has(comparator) ? `${number}${comparator}` : `${comparator}${number}`;
}
