import { describe, expect, it } from 'vitest';
import { heicHead, jpegHeaderOnly, makePng, tiffHead } from '../../test/fixtures/make-images';
import { sniffFile, sniffKind } from './import-sniff';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffKind', () => {
  it('recognises the files officers are meant to import', async () => {
    expect(sniffKind(jpegHeaderOnly(10, 10))).toBe('jpeg');
    expect(sniffKind(await makePng(4, 4))).toBe('png');
    expect(sniffKind(ascii('%PDF-1.7\n%âãÏÓ'))).toBe('pdf');
  });

  it('finds a PDF header behind scanner junk within the first kilobyte', () => {
    const bytes = new Uint8Array(1100);
    bytes.set(ascii('%PDF-1.4'), 900);
    expect(sniffKind(bytes)).toBe('pdf');
    const tooLate = new Uint8Array(1100);
    tooLate.set(ascii('%PDF-1.4'), 1050);
    expect(sniffKind(tooLate)).toBe('unknown');
  });

  it('names iPhone HEIC and scanner TIFF files, whatever they are called', () => {
    expect(sniffKind(heicHead())).toBe('heic');
    expect(sniffKind(tiffHead())).toBe('tiff');
    expect(sniffKind(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('tiff');
  });

  it('treats an MP4 video (same container as HEIC, other brand) as unknown', () => {
    const mp4 = new Uint8Array(64);
    mp4.set([0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2')]);
    expect(sniffKind(mp4)).toBe('unknown');
  });

  it('refuses what is none of these', () => {
    expect(sniffKind(ascii('PK\u0003\u0004 word document'))).toBe('unknown');
    expect(sniffKind(new Uint8Array(0))).toBe('unknown');
    expect(sniffKind(new Uint8Array([0xff, 0xd8]))).toBe('unknown');
  });
});

describe('sniffFile', () => {
  it('reads only the head of a large file', async () => {
    let sliced: [number | undefined, number | undefined] | null = null;
    const big = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(5_000_000)]);
    const spy = Object.assign(Object.create(big) as Blob, {
      slice: (start?: number, end?: number) => {
        sliced = [start, end];
        return big.slice(start, end);
      },
    });
    expect(await sniffFile(spy)).toBe('jpeg');
    expect(sliced).toEqual([0, 1024]);
  });
});
