// Small line icons for the viewer toolbar. Drawn as SVG rather than symbol characters: old
// Windows PCs often lack the fonts that hold arrows and rotation signs.

const paths = {
  previous: 'M10 3 5 8l5 5',
  next: 'm6 3 5 5-5 5',
  zoomOut: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.3 10.3 14 14M4.8 7h4.4',
  zoomIn: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.3 10.3 14 14M4.8 7h4.4M7 4.8v4.4',
  fitWidth: 'M1.5 3v10M14.5 3v10M4 8h8M6 6 4 8l2 2M10 6l2 2-2 2',
  fitPage: 'M3.5 1.5h9v13h-9zM6 5h4M6 8h4M6 11h4',
  rotate: 'M13 8a5 5 0 1 1-1.5-3.6M13 2v3h-3',
  tiltLeft: 'M3 13 13 11M4 9.5a4 4 0 0 1 1-3.5M3.5 5.5 5 6l.3-1.7',
  tiltRight: 'M3 11l10 2M12 9.5a4 4 0 0 0-1-3.5M12.5 5.5 11 6l-.3-1.7',
  brightness:
    'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6ZM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3',
  contrast: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2ZM8 2v12',
  invert: 'M2 2h12v12H2zM2 14 14 2',
  grayscale: 'M2 2h12v12H2zM6 2v12M10 2v12',
  adjust: 'M2 4h7M12 4h2M2 12h2M7 12h7M9 2.5v3M12 2.5v3M4 10.5v3M7 10.5v3',
  ruler: 'M1.5 6.5h13v3h-13zM4 6.5v1.5M7 6.5v1.5M10 6.5v1.5M13 6.5v1.5',
  region: 'M2 2h3M7 2h2M11 2h3v3M14 7v2M14 11v3h-3M9 14H7M5 14H2v-3M2 9V7M2 5V2',
  clearRegion: 'M2 2h12v12H2zM5 5l6 6M11 5l-6 6',
  thumbnails: 'M2 2h4v5H2zM2 9h4v5H2zM9 3h5M9 6h5M9 10h5M9 13h5',
} as const;

export type IconName = keyof typeof paths;

export function ViewerIcon({ name }: { name: IconName }) {
  return (
    <svg
      className="viewer-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
