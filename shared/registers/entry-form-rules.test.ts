import { describe, expect, it } from 'vitest';
import { ksTemplate70 } from './ks';
import { entryToFollow, formLayout, wordsFollowingDate, wordsFor } from './entry-form-rules';

describe('a date in words follows its date', () => {
  const date = 'nksNgaySinh';
  const words = 'nksNgaySinhBangChu';

  it('fills empty words when the date is typed', () => {
    const changes = wordsFollowingDate(ksTemplate70, {}, date, '', '15/03/2020');
    expect(changes[words]).toBe(wordsFor('15/03/2020'));
    expect(changes[words]).not.toBe('');
  });

  it('rewrites words that still match the old date', () => {
    const values = { [date]: '15/03/2020', [words]: wordsFor('15/03/2020') };
    const changes = wordsFollowingDate(ksTemplate70, values, date, '15/03/2020', '16/03/2020');
    expect(changes).toEqual({ [words]: wordsFor('16/03/2020') });
  });

  it("never overwrites the officer's own wording", () => {
    const values = { [date]: '15/03/2020', [words]: 'as written in the book' };
    expect(wordsFollowingDate(ksTemplate70, values, date, '15/03/2020', '16/03/2020')).toEqual({});
  });

  it('leaves words alone when another field changes', () => {
    expect(wordsFollowingDate(ksTemplate70, {}, 'so', '', '12')).toEqual({});
  });
});

describe('the form layout', () => {
  it('shows every field but the generated ones, folded or in a group', () => {
    const { shown, folded } = formLayout(ksTemplate70);
    const laidOut = [...shown.flatMap(([, fields]) => fields), ...folded];
    expect(laidOut.length).toBe(ksTemplate70.fields.filter((field) => !field.generated).length);
    expect(folded.every((field) => !field.shownByDefault)).toBe(true);
  });
});

describe('the entry the next number follows', () => {
  const onScreen = { id: 'open', createdAt: 10 };
  it('is the newest stored entry when it came after the open one', () => {
    expect(entryToFollow({ id: 'later', createdAt: 20 }, onScreen).id).toBe('later');
  });
  it('is the open entry as on screen otherwise', () => {
    expect(entryToFollow({ id: 'open', createdAt: 10 }, onScreen)).toBe(onScreen);
    expect(entryToFollow(undefined, onScreen)).toBe(onScreen);
  });
});
