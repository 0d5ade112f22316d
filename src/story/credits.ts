/**
 * Who wrote the article and where it appeared: the title page (Masthead) and the kiosk's attract
 * poster both read them from here.
 */
export const credits = {
  kicker: 'A story map',
  title: 'Changes in Mao Zedong’s Attitude toward the Indochina War, 1949–1973',
  author: 'Yang Kuisong',
  translator: 'Qiang Zhai',
  source:
    'Cold War International History Project Working Paper No. 34, Woodrow Wilson International Center for Scholars, Washington, D.C., February 2002.',
} as const;
