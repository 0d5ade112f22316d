/** Which note the popover shows, and next to which mark. One popover serves every mark. */
export const openNote = $state<{ number: number; mark: HTMLElement | null }>({
  number: 0,
  mark: null,
});
