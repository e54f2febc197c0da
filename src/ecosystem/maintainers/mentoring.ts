/** Mentoring programmes a call that suits a mentee links to. Pure. */

/** The programmes, with their home pages. */
export const MENTORING_PROGRAMMES = [
  {
    name: "Google Summer of Code (through the Django Software Foundation)",
    url: "https://summerofcode.withgoogle.com/",
  },
  { name: "Djangonaut Space", url: "https://djangonaut.space/" },
] as const;
