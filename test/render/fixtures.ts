/** Reports for the renderer tests. */
import type { Change, DiffReport, Finding } from '../../src/core/report';

export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
export const BASE_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
export const MARKER = '<!-- ffi-surface-guard v1 {"delta":"sha256:5e1f"} -->';

export function emptyReport(): DiffReport {
  return {
    schemaVersion: 1,
    tool: { name: 'ffi-surface-guard', version: '0.1.0' },
    base: { rev: BASE_SHA, digest: 'sha256:aaaa' },
    head: { rev: HEAD_SHA, digest: 'sha256:bbbb' },
    changes: [],
    findings: [],
    requiredBump: 'none',
    deltaDigest: 'sha256:0000',
    crates: [],
    diagnostics: [],
  };
}

/** A realistic report: a few changes of each severity in two crates, a few findings, diagnostics. */
export function realisticReport(): DiffReport {
  return {
    ...emptyReport(),
    requiredBump: 'major',
    deltaDigest: 'sha256:5e1f0c3d9a7b2e4f6a8c0d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a',
    crates: [
      { name: 'imgcodec', baseVersion: '0.4.2', headVersion: '0.5.0' },
      { name: 'imgcodec-sys', baseVersion: '1.1.0', headVersion: '1.1.0' },
    ],
    changes: [
      {
        rule: 'function-removed',
        severity: 'breaking',
        kind: 'function',
        name: 'imgcodec_decode_legacy',
        symbol: 'imgcodec_decode_legacy',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 88,
        before: 'extern "C" fn imgcodec_decode_legacy(buf: *const u8, len: usize) -> *mut Image',
        after: null,
        message: 'exported function imgcodec_decode_legacy was removed',
      },
      {
        rule: 'function-parameters-changed',
        severity: 'breaking',
        kind: 'function',
        name: 'imgcodec_resize',
        symbol: 'imgcodec_resize',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 41,
        before: 'extern "C" fn imgcodec_resize(img: *mut Image, w: u32, h: u32) -> c_int',
        after: 'extern "C" fn imgcodec_resize(img: *mut Image, w: usize, h: usize) -> c_int',
        message: 'parameter 2 (w) changed type from u32 to usize',
      },
      {
        rule: 'enum-variant-added',
        severity: 'potentially-breaking',
        kind: 'enum',
        name: 'PixelFormat',
        crate: 'imgcodec',
        file: 'src/types.rs',
        line: 12,
        before: '#[repr(C)] enum PixelFormat { Rgb8 = 0, Rgba8 = 1 }',
        after: '#[repr(C)] enum PixelFormat { Rgb8 = 0, Rgba8 = 1, Gray16 = 2 }',
        message: 'variant Gray16 was added; consumers that switch over PixelFormat may not handle it',
      },
      {
        rule: 'function-added',
        severity: 'addition',
        kind: 'function',
        name: 'imgcodec_decode',
        symbol: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        before: null,
        after:
          'unsafe extern "C" fn imgcodec_decode(buf: *const u8, len: usize, out: *mut *mut Image) -> c_int',
        message: 'new exported function imgcodec_decode',
      },
      {
        rule: 'function-added',
        severity: 'addition',
        kind: 'function',
        name: 'image_free',
        symbol: 'imgcodec_image_free',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 70,
        before: null,
        after: 'extern "C" fn image_free(img: *mut Image)',
        message: 'new exported function imgcodec_image_free',
      },
      {
        rule: 'static-added',
        severity: 'addition',
        kind: 'static',
        name: 'LOG_LEVEL',
        symbol: 'imgcodec_log_level',
        crate: 'imgcodec-sys',
        file: 'src/lib.rs',
        line: 9,
        before: null,
        after: 'static mut LOG_LEVEL: c_int',
        message: 'new exported static imgcodec_log_level',
      },
      {
        rule: 'function-parameter-renamed',
        severity: 'non-abi',
        kind: 'function',
        name: 'imgcodec_resize',
        symbol: 'imgcodec_resize',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 41,
        before: 'extern "C" fn imgcodec_resize(img: *mut Image, w: u32, h: u32) -> c_int',
        after: 'extern "C" fn imgcodec_resize(img: *mut Image, width: usize, height: usize) -> c_int',
        message: 'parameter 2 was renamed from w to width',
      },
    ],
    findings: [
      {
        rule: 'raw-pointer-param',
        level: 'high',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'parameter out is a raw pointer (*mut *mut Image)',
        checklist: 'null checked, alignment and lifetime documented, no aliasing of &mut',
      },
      {
        rule: 'buffer-param',
        level: 'high',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'buf is read with the length len',
        checklist: 'bounds derived only from the length, len * size uses checked arithmetic',
      },
      {
        rule: 'panic-path',
        level: 'medium',
        symbol: 'imgcodec_decode',
        name: 'imgcodec_decode',
        crate: 'imgcodec',
        file: 'src/ffi/decode.rs',
        line: 20,
        message: 'unwrap at line 31 can panic outside catch_unwind',
        checklist: 'a panic aborts the host process: denial of service',
      },
      {
        rule: 'mutable-global',
        level: 'medium',
        symbol: 'imgcodec_log_level',
        name: 'LOG_LEVEL',
        crate: 'imgcodec-sys',
        file: 'src/lib.rs',
        line: 9,
        message: 'exported static mut LOG_LEVEL',
        checklist: 'synchronisation and reset semantics',
      },
      {
        rule: 'untested-export',
        level: 'low',
        symbol: 'imgcodec_image_free',
        name: 'image_free',
        crate: 'imgcodec',
        file: 'src/ffi/image.rs',
        line: 70,
        message: 'imgcodec_image_free is named nowhere in tests, benches or fuzz targets',
        checklist: 'a test or fuzz target covers it',
      },
    ],
    diagnostics: [
      {
        level: 'warning',
        code: 'unexpanded-macro',
        message: 'cannot expand macro ffi_export! (defined outside the crate)',
        file: 'src/ffi/mod.rs',
        line: 5,
      },
    ],
  };
}

/** A report with `n` changes and `n` findings spread over crates and exports. */
export function hugeReport(n: number, nameOf: (i: number) => string = (i) => `export_${i}`): DiffReport {
  const severities = ['breaking', 'potentially-breaking', 'addition', 'non-abi'] as const;
  const levels = ['high', 'medium', 'low'] as const;
  const changes: Change[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const name = nameOf(i);
    changes.push({
      rule: 'function-parameters-changed',
      severity: severities[i % 4],
      kind: 'function',
      name,
      symbol: name,
      crate: `crate_${i % 37}`,
      file: `src/m${i % 101}.rs`,
      line: i + 1,
      before: `extern "C" fn ${name}(a: *const u8, n: usize) -> c_int`,
      after: `extern "C" fn ${name}(a: *const u8, n: u32) -> c_int`,
      message: `parameter 2 (n) changed type from usize to u32`,
    });
    findings.push({
      rule: 'raw-pointer-param',
      level: levels[i % 3],
      symbol: name,
      name,
      crate: `crate_${i % 37}`,
      file: `src/m${i % 101}.rs`,
      line: i + 1,
      message: 'parameter a is a raw pointer (*const u8)',
      checklist: 'null checked, alignment and lifetime documented, no aliasing of &mut',
    });
  }
  return { ...emptyReport(), changes, findings, requiredBump: 'major', deltaDigest: 'sha256:1234' };
}
