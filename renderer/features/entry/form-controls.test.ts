import { describe, expect, it } from 'vitest';
import { neighbourControl } from './form-controls';

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
