/** The main menu's flow and step: where every conversation starts and returns. */
export const MENU_FLOW = 'menu';
export const MENU_STEP = 'main';
