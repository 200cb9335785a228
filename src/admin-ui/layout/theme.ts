import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Mantine's default shades put white text on blue, green or yellow below the 4.5:1 contrast WCAG asks of text.
export const theme = createTheme({ primaryShade: 9 });

/** Text on a pale ground (light badges, alerts, the active or hovered link, errors): darker than any shade Mantine has. */
const DARK_TEXT = { blue: '#0b4a80', red: '#a51d1d', green: '#237032', yellow: '#7a4f00', teal: '#0b6e61' } as const;
/** Green, yellow and teal have no shade dark enough under white text either. */
const FILLED = ['green', 'yellow', 'teal'] as const;

export const contrastVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7]!,
    '--mantine-color-error': DARK_TEXT.red,
    ...Object.fromEntries(Object.entries(DARK_TEXT).map(([color, tone]) => [`--mantine-color-${color}-light-color`, tone])),
    ...Object.fromEntries(FILLED.map((color) => [`--mantine-color-${color}-filled`, DARK_TEXT[color]])),
  },
  dark: {},
});
