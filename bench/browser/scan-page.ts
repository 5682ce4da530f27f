// A register page as a 300-dpi colour flatbed scan gives it: yellowed paper with grain and
// blotches, the printed grid and headings of a register, and rows of handwriting in a
// blue-black pen. The grain is what makes real scans 0.5–1.5 MB; flat synthetic pages
// compress to a few tens of kB and would hide what the export has to do with real books.

/** A4 at 300 dpi. */
export const SCAN_WIDTH = 2480;
export const SCAN_HEIGHT = 3508;

type Random = () => number;

function seeded(seed: number): Random {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    // xorshift32: cheap, and the same page for the same seed on every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function paper(ctx: OffscreenCanvasRenderingContext2D, w: number, h: number, rand: Random) {
  ctx.fillStyle = '#efe6cf';
  ctx.fillRect(0, 0, w, h);
  // Foxing and uneven yellowing: large soft stains.
  for (let i = 0; i < 40; i++) {
    const x = rand() * w;
    const y = rand() * h;
    const r = (0.03 + rand() * 0.15) * w;
    const stain = ctx.createRadialGradient(x, y, 0, x, y, r);
    stain.addColorStop(
      0,
      `rgba(${150 + rand() * 40}, ${120 + rand() * 30}, 60, ${0.05 + rand() * 0.1})`,
    );
    stain.addColorStop(1, 'rgba(150, 120, 60, 0)');
    ctx.fillStyle = stain;
    ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
  }
}

function grid(ctx: OffscreenCanvasRenderingContext2D, w: number, h: number, rand: Random) {
  const s = w / SCAN_WIDTH;
  ctx.fillStyle = '#2a2a2a';
  ctx.font = `bold ${Math.round(56 * s)}px serif`;
  ctx.fillText('SỔ ĐĂNG KÝ KHAI SINH', w * 0.28, 170 * s);
  ctx.font = `${Math.round(30 * s)}px serif`;
  const heads = ['Số', 'Họ, chữ đệm, tên', 'Ngày sinh', 'Nơi sinh', 'Cha', 'Mẹ', 'Ghi chú'];
  const columns = [140, 300, 900, 1200, 1550, 1850, 2150, 2340];
  heads.forEach((head, i) => ctx.fillText(head, ((columns[i] ?? 0) + 12) * s, 290 * s));
  ctx.strokeStyle = '#4a4a4a';
  ctx.lineWidth = 3 * s;
  for (const x of columns) {
    ctx.beginPath();
    ctx.moveTo(x * s + (rand() - 0.5) * 4, 230 * s);
    ctx.lineTo(x * s + (rand() - 0.5) * 4, h - 150 * s);
    ctx.stroke();
  }
  ctx.lineWidth = 2 * s;
  for (let y = 230 * s; y < h - 150 * s; y += 105 * s) {
    ctx.beginPath();
    ctx.moveTo(140 * s, y);
    ctx.lineTo(2340 * s, y + (rand() - 0.5) * 6 * s);
    ctx.stroke();
  }
}

/** Cursive-looking words: loops of varying height joined along a wavering baseline. */
function handwriting(ctx: OffscreenCanvasRenderingContext2D, w: number, h: number, rand: Random) {
  const s = w / SCAN_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (let row = 335 * s; row < h - 200 * s; row += 105 * s) {
    if (rand() < 0.08) continue;
    ctx.strokeStyle = `rgba(${20 + rand() * 30}, ${25 + rand() * 30}, ${90 + rand() * 50}, 0.92)`;
    ctx.lineWidth = (2.5 + rand() * 1.5) * s;
    let x = (160 + rand() * 40) * s;
    while (x < 2300 * s) {
      const letters = 2 + Math.floor(rand() * 7);
      ctx.beginPath();
      let baseline = row - rand() * 10 * s;
      ctx.moveTo(x, baseline);
      for (let l = 0; l < letters; l++) {
        const width = (14 + rand() * 16) * s;
        const tall = rand() < 0.25 ? 55 : 24 + rand() * 10;
        const deep = rand() < 0.12 ? 30 : 0;
        ctx.bezierCurveTo(
          x + width * 0.2,
          baseline - tall * s,
          x + width * 0.9,
          baseline - tall * s,
          x + width * 0.5,
          baseline + deep * s,
        );
        ctx.quadraticCurveTo(x + width * 0.8, baseline + 6 * s, x + width, baseline);
        x += width;
        baseline += (rand() - 0.5) * 3 * s;
      }
      ctx.stroke();
      // Vietnamese diacritics: small marks above some words.
      if (rand() < 0.6) {
        ctx.beginPath();
        const mx = x - rand() * 40 * s;
        ctx.moveTo(mx, row - 50 * s);
        ctx.lineTo(mx + 10 * s, row - 62 * s);
        ctx.stroke();
      }
      x += (30 + rand() * 60) * s;
      if (rand() < 0.15) x += 200 * s;
    }
  }
}

/** Scanner sensor noise and paper fibre: per-pixel grain, a little stronger in one channel. */
function grain(
  ctx: OffscreenCanvasRenderingContext2D,
  w: number,
  h: number,
  amount: number,
  rand: Random,
) {
  const image = ctx.getImageData(0, 0, w, h);
  const data = image.data;
  for (let p = 0; p < data.length; p += 4) {
    const n = (rand() + rand() - 1) * amount;
    data[p] = (data[p] ?? 0) + n;
    data[p + 1] = (data[p + 1] ?? 0) + n;
    data[p + 2] = (data[p + 2] ?? 0) + n * 1.3;
  }
  ctx.putImageData(image, 0, 0);
}

/** One scanned register page as JPEG bytes, as a scanner at 300 dpi in colour writes it. */
export async function makeScanJpegBytes(
  seed: number,
  width = SCAN_WIDTH,
  height = SCAN_HEIGHT,
): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const rand = seeded(seed);
  paper(ctx, width, height, rand);
  grid(ctx, width, height, rand);
  handwriting(ctx, width, height, rand);
  // Pages differ in grain as real batches do, which spreads them over 0.5–1.5 MB.
  grain(ctx, width, height, 3 + (seed % 7) * 1.2, rand);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  return new Uint8Array(await blob.arrayBuffer());
}
