// The review screen's keys: one letter per decision, so a reviewer keeps both hands on the
// keyboard and eyes on the scan. Letters count only outside text boxes.

export type ReviewAction = 'approve' | 'reject' | 'comment' | 'region' | 'next' | 'previous';

export interface ReviewKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const byKey: Record<string, ReviewAction> = {
  a: 'approve',
  r: 'reject',
  c: 'comment',
  v: 'region',
  j: 'next',
  ArrowDown: 'next',
  ArrowRight: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
};

export function reviewActionForKey(event: ReviewKey): ReviewAction | null {
  // Alt keeps the viewer's shortcuts (Alt+R rotates); Ctrl and Meta belong to the system.
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return byKey[key] ?? null;
}

export const reviewShortcuts: { keys: string; actionKey: string }[] = [
  { keys: 'A', actionKey: 'review.keys.approve' },
  { keys: 'R', actionKey: 'review.keys.reject' },
  { keys: 'C', actionKey: 'review.keys.comment' },
  { keys: 'V', actionKey: 'review.keys.region' },
  { keys: 'J / ↓', actionKey: 'review.keys.next' },
  { keys: 'K / ↑', actionKey: 'review.keys.previous' },
];
