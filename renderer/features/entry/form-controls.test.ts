import { describe, expect, it } from 'vitest';
import { firstControlToType, neighbourControl } from './form-controls';

/** A stand-in for a form field: its name, whether it is shown, and how often that was asked. */
class FakeControl {
  asked = 0;
  constructor(
    readonly name: string,
    readonly isShown: boolean,
  ) {}
  checkVisibility() {
    this.asked += 1;
    return this.isShown;
  }
}

function formOf(controls: FakeControl[]) {
  return { querySelectorAll: () => controls } as unknown as HTMLFormElement;
}

const at = (control: FakeControl) => control as unknown as HTMLElement;

describe('Enter and Shift+Enter walk the fields shown', () => {
  const fields = [
    new FakeControl('so', true),
    new FakeControl('hoTen', true),
    new FakeControl('biDanh', false),
    new FakeControl('quocTich', false),
    new FakeControl('ngaySinh', true),
    ...Array.from({ length: 60 }, (_, i) => new FakeControl(`later${i}`, true)),
  ];
  const form = formOf(fields);
  const name = (control: HTMLElement | undefined) =>
    (control as unknown as FakeControl | undefined)?.name;

  it('skips folded fields both ways and stops at either end', () => {
    expect(name(neighbourControl(form, at(fields[1]!), 1))).toBe('ngaySinh');
    expect(name(neighbourControl(form, at(fields[4]!), -1))).toBe('hoTen');
    expect(neighbourControl(form, at(fields[0]!), -1)).toBeUndefined();
    expect(neighbourControl(form, at(fields.at(-1)!), 1)).toBeUndefined();
  });

  it('asks only about the fields it passes, not the whole form', () => {
    for (const field of fields) field.asked = 0;
    neighbourControl(form, at(fields[1]!), 1);
    expect(fields.reduce((sum, field) => sum + field.asked, 0)).toBe(3);
  });
});

describe('a newly opened entry starts where typing is needed', () => {
  class FakeField extends FakeControl {
    constructor(
      name: string,
      isShown: boolean,
      readonly value: string,
    ) {
      super(name, isShown);
    }
  }
  const first = (fields: FakeField[]) =>
    (firstControlToType(formOf(fields)) as unknown as FakeField | undefined)?.name;

  it('at the first empty field shown, passing folded and filled ones', () => {
    const fields = [
      new FakeField('so', true, '12'),
      new FakeField('biDanh', false, ''),
      new FakeField('hoTen', true, ''),
      ...Array.from({ length: 60 }, (_, i) => new FakeField(`later${i}`, true, '')),
    ];
    expect(first(fields)).toBe('hoTen');
    // Filled fields are passed without asking whether they are shown.
    expect(fields.reduce((sum, field) => sum + field.asked, 0)).toBe(2);
  });

  it('at the first field shown when every field is filled', () => {
    expect(first([new FakeField('folded', false, 'x'), new FakeField('so', true, '1')])).toBe('so');
  });
});
