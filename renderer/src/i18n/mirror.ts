// en must carry every key zh has, with any string in place of each Chinese one.
export type Mirror<T> = { [K in keyof T]: T[K] extends string ? string : Mirror<T[K]> };
