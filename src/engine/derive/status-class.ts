// Status → one counting class, via a lookup table so the hot loop does one array read per row.

export const StatusClass = {
  S2xx: 0,
  S3xx: 1,
  S4xxOther: 2,
  S499: 3,
  S500: 4,
  S502: 5,
  S503: 6,
  S504: 7,
  S5xxOther: 8,
  Other: 9,
} as const;
type StatusClassCode = (typeof StatusClass)[keyof typeof StatusClass];

export const STATUS_CLASS_COUNT = 10;

function classify(status: number): StatusClassCode {
  switch (status) {
    case 499:
      return StatusClass.S499;
    case 500:
      return StatusClass.S500;
    case 502:
      return StatusClass.S502;
    case 503:
      return StatusClass.S503;
    case 504:
      return StatusClass.S504;
  }
  if (status >= 200 && status < 300) {
    return StatusClass.S2xx;
  }
  if (status >= 300 && status < 400) {
    return StatusClass.S3xx;
  }
  if (status >= 400 && status < 500) {
    return StatusClass.S4xxOther;
  }
  if (status >= 500 && status < 600) {
    return StatusClass.S5xxOther;
  }
  return StatusClass.Other;
}

/** STATUS_CLASS_OF[status] for every status 0..65535 (the HTTP table stores Uint16). */
export const STATUS_CLASS_OF: Uint8Array = (() => {
  const table = new Uint8Array(65_536);
  for (let status = 0; status < table.length; status++) {
    table[status] = classify(status);
  }
  return table;
})();
