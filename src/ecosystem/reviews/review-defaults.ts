/** How many of the most used packages a review looks at when not told (at risk, time to support). */
export const DEFAULT_REVIEW_TOP = 200;
