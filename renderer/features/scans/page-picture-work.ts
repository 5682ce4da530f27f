// The work behind showing a page by its picture (see page-picture-core.ts): finding the page's
// JPEG through the range reader, and decoding it straight to the size shown. It runs in the
// page-picture worker, so neither the reading nor the decode holds the window.
import { PDFDocument } from 'pdf-lib';
import { RangePdf, blobSource } from '../../workers/pdf-range';
import { decodeJpeg } from './jpeg-decode';
import type { PictureJob, PictureJobResult } from './page-picture';
import { pagePictureOf } from './page-picture-core';
import { LruCache } from './viewer-cache';
import {
  normalizeRotation,
  rotatedSize,
  scaleByRule,
  type Rotation,
  type ScaleRule,
  type Size,
} from './viewer-geometry';

export interface PictureInfo {
  /** The page in points, before its own /Rotate. */
  box: { width: number; height: number };
  rotate: number;
  imageWidth: number;
  imageHeight: number;
}

/** Readers of the last few scans: their cross-reference tables are read once. */
const readers = new LruCache<string, Promise<RangePdf>>({ maxEntries: 4 });
/**
 * The JPEGs of the pages last found, so a new zoom does not read the page again: the shown page,
 * the ones drawn ahead around it and a few just left, not a long read's worth.
 */
const jpegs = new LruCache<string, { blob: Blob; size: Size }>({
  maxEntries: 6,
  maxCost: 8_000_000,
  costOf: (jpeg) => jpeg.blob.size,
});

function readerOf(scanId: string, blob: Blob): Promise<RangePdf> {
  let reader = readers.get(scanId);
  if (!reader) {
    reader = RangePdf.open(blobSource(blob));
    reader.catch(() => readers.delete(scanId));
    readers.set(scanId, reader);
  }
  return reader;
}

const keyOf = (scanId: string, index: number) => `${scanId}:${index}`;

/** The page's picture, or null when the page is anything but one JPEG covering it. */
export async function findPicture(
  scanId: string,
  blob: Blob,
  index: number,
): Promise<PictureInfo | null> {
  const reader = await readerOf(scanId, blob);
  const scratch = await PDFDocument.create();
  const { page } = await reader.copyPage(scratch, index);
  const picture = pagePictureOf(scratch, page);
  if (!picture) return null;
  // A copy: the bytes read for the page (and the scratch document) can go.
  const { box, rotate, imageWidth, imageHeight } = picture;
  jpegs.set(keyOf(scanId, index), {
    blob: new Blob([picture.jpeg.slice()], { type: 'image/jpeg' }),
    size: { width: imageWidth, height: imageHeight },
  });
  return { box, rotate, imageWidth, imageHeight };
}

async function jpegOf(
  scanId: string,
  blob: Blob,
  index: number,
): Promise<{ blob: Blob; size: Size }> {
  const key = keyOf(scanId, index);
  const known = jpegs.get(key);
  if (known) return known;
  if (!(await findPicture(scanId, blob, index))) throw new Error('The page is not one picture');
  const found = jpegs.get(key);
  if (!found) throw new Error('The page picture was dropped');
  return found;
}

/**
 * The page's picture decoded at `width` × `height` device pixels, turned clockwise by
 * `rotation` (the page's own /Rotate and the officer's turns together); the size is the turned one.
 */
export async function drawPicture(
  scanId: string,
  blob: Blob,
  index: number,
  width: number,
  height: number,
  rotation: number,
): Promise<ImageBitmap> {
  const jpeg = await jpegOf(scanId, blob, index);
  const isSideways = rotation % 180 !== 0;
  const uprightWidth = isSideways ? height : width;
  const uprightHeight = isSideways ? width : height;
  const decoded = await decodeJpeg(jpeg.blob, jpeg.size, uprightWidth, uprightHeight);
  if (rotation === 0) return decoded;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) {
    decoded.close();
    throw new Error('Canvas 2D is not available');
  }
  context.translate(width / 2, height / 2);
  context.rotate((rotation * Math.PI) / 180);
  context.drawImage(decoded, -uprightWidth / 2, -uprightHeight / 2);
  decoded.close();
  return canvas.transferToImageBitmap();
}

/** The page as shown normally (its own /Rotate applied), in points. */
export function pictureSize(info: PictureInfo): Size {
  return rotatedSize(info.box, normalizeRotation(info.rotate));
}

/**
 * The device pixels and the clockwise turn the picture is drawn at, for a render scale and the
 * officer's turns: the window and the worker must agree on them to the pixel.
 */
export function pictureDrawing(
  info: PictureInfo,
  scale: number,
  rotation: Rotation,
): { width: number; height: number; turn: Rotation } {
  const turn = normalizeRotation(info.rotate + rotation);
  const shown = rotatedSize(
    { width: info.box.width * scale, height: info.box.height * scale },
    turn,
  );
  return {
    width: Math.max(1, Math.floor(shown.width)),
    height: Math.max(1, Math.floor(shown.height)),
    turn,
  };
}

export interface ShownPicture {
  info: PictureInfo | null;
  /** The picture drawn at `scale`, when the page is one and the rule gives a scale. */
  drawn?: { bitmap: ImageBitmap; scale: number };
}

/**
 * Opening a page not seen before in one go: whether it is one picture and, if so, the picture
 * drawn at the scale the viewer will lay it out at, so the window asks once and waits once.
 */
export async function showPicture(
  scanId: string,
  blob: Blob,
  index: number,
  rule: ScaleRule,
  rotation: Rotation,
): Promise<ShownPicture> {
  const info = await findPicture(scanId, blob, index);
  if (!info) return { info };
  const scale = scaleByRule(rule, pictureSize(info), rotation);
  if (scale === null) return { info };
  const { width, height, turn } = pictureDrawing(info, scale, rotation);
  const bitmap = await drawPicture(scanId, blob, index, width, height, turn);
  return { info, drawn: { bitmap, scale } };
}

/** One message to the page-picture worker, answered. */
export async function runJob(job: PictureJob): Promise<PictureJobResult> {
  const { id } = job;
  switch (job.kind) {
    case 'find':
      return { id, info: await findPicture(job.scanId, job.blob, job.index) };
    case 'show':
      return {
        id,
        shown: await showPicture(job.scanId, job.blob, job.index, job.rule, job.rotation),
      };
    case 'draw':
      return {
        id,
        bitmap: await drawPicture(
          job.scanId,
          job.blob,
          job.index,
          job.width,
          job.height,
          job.rotation,
        ),
      };
  }
}
