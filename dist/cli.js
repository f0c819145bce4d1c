#!/usr/bin/env node
"use strict";
var __create2 = Object.create;
var __defProp2 = Object.defineProperty;
var __getOwnPropDesc2 = Object.getOwnPropertyDescriptor;
var __getOwnPropNames2 = Object.getOwnPropertyNames;
var __getProtoOf2 = Object.getPrototypeOf;
var __hasOwnProp2 = Object.prototype.hasOwnProperty;
var __commonJS2 = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames2(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps2 = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames2(from))
      if (!__hasOwnProp2.call(to, key) && key !== except)
        __defProp2(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc2(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM2 = (mod, isNodeMode, target) => (target = mod != null ? __create2(__getProtoOf2(mod)) : {}, __copyProps2(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp2(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/web-tree-sitter/web-tree-sitter.cjs
var require_web_tree_sitter2 = __commonJS2({
  "node_modules/web-tree-sitter/web-tree-sitter.cjs"(exports, module) {
    "use strict";
    var __create = Object.create;
    var __defProp = Object.defineProperty;
    var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
    var __getOwnPropNames = Object.getOwnPropertyNames;
    var __getProtoOf = Object.getPrototypeOf;
    var __hasOwnProp = Object.prototype.hasOwnProperty;
    var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
    var __commonJS = (cb, mod) => function __require() {
      try {
        return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
      } catch (e) {
        throw mod = 0, e;
      }
    };
    var __export = (target, all) => {
      for (var name2 in all)
        __defProp(target, name2, { get: all[name2], enumerable: true });
    };
    var __copyProps = (to, from, except, desc) => {
      if (from && typeof from === "object" || typeof from === "function") {
        for (let key of __getOwnPropNames(from))
          if (!__hasOwnProp.call(to, key) && key !== except)
            __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
      }
      return to;
    };
    var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
      // If the importer is in node compatibility mode or this is not an ESM
      // file that has been converted to a CommonJS file using a Babel-
      // compatible transform (i.e. "__esModule" has not been set), then set
      // "default" to the CommonJS "module.exports" for node compatibility.
      isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
      mod
    ));
    var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
    var require_web_tree_sitter = __commonJS({
      "lib/web-tree-sitter.cjs"(exports, module) {
        "use strict";
        var Module = (() => {
          var _scriptName = typeof document != "undefined" ? document.currentScript?.src : void 0;
          return async function(moduleArg = {}) {
            var moduleRtn;
            var Module = moduleArg;
            var ENVIRONMENT_IS_WEB = typeof window == "object";
            var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
            var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
            Module.currentQueryProgressCallback = null;
            Module.currentProgressCallback = null;
            Module.currentLogCallback = null;
            Module.currentParseCallback = null;
            var arguments_ = [];
            var thisProgram = "./this.program";
            var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
              throw toThrow;
            }, "quit_");
            if (typeof __filename != "undefined") {
              _scriptName = __filename;
            } else if (ENVIRONMENT_IS_WORKER) {
              _scriptName = self.location.href;
            }
            var scriptDirectory = "";
            function locateFile(path3) {
              if (Module["locateFile"]) {
                return Module["locateFile"](path3, scriptDirectory);
              }
              return scriptDirectory + path3;
            }
            __name(locateFile, "locateFile");
            var readAsync, readBinary;
            if (ENVIRONMENT_IS_NODE) {
              var fs = require("fs");
              scriptDirectory = __dirname + "/";
              readBinary = /* @__PURE__ */ __name((filename) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename);
                return ret;
              }, "readBinary");
              readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
                filename = isFileURI(filename) ? new URL(filename) : filename;
                var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
                return ret;
              }, "readAsync");
              if (process.argv.length > 1) {
                thisProgram = process.argv[1].replace(/\\/g, "/");
              }
              arguments_ = process.argv.slice(2);
              quit_ = /* @__PURE__ */ __name((status, toThrow) => {
                process.exitCode = status;
                throw toThrow;
              }, "quit_");
            } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
              try {
                scriptDirectory = new URL(".", _scriptName).href;
              } catch {
              }
              {
                if (ENVIRONMENT_IS_WORKER) {
                  readBinary = /* @__PURE__ */ __name((url) => {
                    var xhr = new XMLHttpRequest();
                    xhr.open("GET", url, false);
                    xhr.responseType = "arraybuffer";
                    xhr.send(null);
                    return new Uint8Array(
                      /** @type{!ArrayBuffer} */
                      xhr.response
                    );
                  }, "readBinary");
                }
                readAsync = /* @__PURE__ */ __name(async (url) => {
                  if (isFileURI(url)) {
                    return new Promise((resolve, reject) => {
                      var xhr = new XMLHttpRequest();
                      xhr.open("GET", url, true);
                      xhr.responseType = "arraybuffer";
                      xhr.onload = () => {
                        if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                          resolve(xhr.response);
                          return;
                        }
                        reject(xhr.status);
                      };
                      xhr.onerror = reject;
                      xhr.send(null);
                    });
                  }
                  var response = await fetch(url, {
                    credentials: "same-origin"
                  });
                  if (response.ok) {
                    return response.arrayBuffer();
                  }
                  throw new Error(response.status + " : " + response.url);
                }, "readAsync");
              }
            } else {
            }
            var out = console.log.bind(console);
            var err = console.error.bind(console);
            var dynamicLibraries = [];
            var wasmBinary;
            var ABORT = false;
            var EXITSTATUS;
            var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
            var readyPromiseResolve, readyPromiseReject;
            var wasmMemory;
            var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
            var HEAP64, HEAPU64;
            var HEAP_DATA_VIEW;
            var runtimeInitialized = false;
            function updateMemoryViews() {
              var b = wasmMemory.buffer;
              Module["HEAP8"] = HEAP8 = new Int8Array(b);
              Module["HEAP16"] = HEAP16 = new Int16Array(b);
              Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
              Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
              Module["HEAP32"] = HEAP32 = new Int32Array(b);
              Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
              Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
              Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
              Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
              Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
              Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
              LE_HEAP_UPDATE();
            }
            __name(updateMemoryViews, "updateMemoryViews");
            function initMemory() {
              if (Module["wasmMemory"]) {
                wasmMemory = Module["wasmMemory"];
              } else {
                var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
                wasmMemory = new WebAssembly.Memory({
                  "initial": INITIAL_MEMORY / 65536,
                  // In theory we should not need to emit the maximum if we want "unlimited"
                  // or 4GB of memory, but VMs error on that atm, see
                  // https://github.com/emscripten-core/emscripten/issues/14130
                  // And in the pthreads case we definitely need to emit a maximum. So
                  // always emit one.
                  "maximum": 32768
                });
              }
              updateMemoryViews();
            }
            __name(initMemory, "initMemory");
            var __RELOC_FUNCS__ = [];
            function preRun() {
              if (Module["preRun"]) {
                if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
                while (Module["preRun"].length) {
                  addOnPreRun(Module["preRun"].shift());
                }
              }
              callRuntimeCallbacks(onPreRuns);
            }
            __name(preRun, "preRun");
            function initRuntime() {
              runtimeInitialized = true;
              callRuntimeCallbacks(__RELOC_FUNCS__);
              wasmExports["__wasm_call_ctors"]();
              callRuntimeCallbacks(onPostCtors);
            }
            __name(initRuntime, "initRuntime");
            function preMain() {
            }
            __name(preMain, "preMain");
            function postRun() {
              if (Module["postRun"]) {
                if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
                while (Module["postRun"].length) {
                  addOnPostRun(Module["postRun"].shift());
                }
              }
              callRuntimeCallbacks(onPostRuns);
            }
            __name(postRun, "postRun");
            function abort(what) {
              Module["onAbort"]?.(what);
              what = "Aborted(" + what + ")";
              err(what);
              ABORT = true;
              what += ". Build with -sASSERTIONS for more info.";
              var e = new WebAssembly.RuntimeError(what);
              readyPromiseReject?.(e);
              throw e;
            }
            __name(abort, "abort");
            var wasmBinaryFile;
            function findWasmBinary() {
              return locateFile("web-tree-sitter.wasm");
            }
            __name(findWasmBinary, "findWasmBinary");
            function getBinarySync(file) {
              if (file == wasmBinaryFile && wasmBinary) {
                return new Uint8Array(wasmBinary);
              }
              if (readBinary) {
                return readBinary(file);
              }
              throw "both async and sync fetching of the wasm failed";
            }
            __name(getBinarySync, "getBinarySync");
            async function getWasmBinary(binaryFile) {
              if (!wasmBinary) {
                try {
                  var response = await readAsync(binaryFile);
                  return new Uint8Array(response);
                } catch {
                }
              }
              return getBinarySync(binaryFile);
            }
            __name(getWasmBinary, "getWasmBinary");
            async function instantiateArrayBuffer(binaryFile, imports) {
              try {
                var binary2 = await getWasmBinary(binaryFile);
                var instance2 = await WebAssembly.instantiate(binary2, imports);
                return instance2;
              } catch (reason) {
                err(`failed to asynchronously prepare wasm: ${reason}`);
                abort(reason);
              }
            }
            __name(instantiateArrayBuffer, "instantiateArrayBuffer");
            async function instantiateAsync(binary2, binaryFile, imports) {
              if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
                try {
                  var response = fetch(binaryFile, {
                    credentials: "same-origin"
                  });
                  var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
                  return instantiationResult;
                } catch (reason) {
                  err(`wasm streaming compile failed: ${reason}`);
                  err("falling back to ArrayBuffer instantiation");
                }
              }
              return instantiateArrayBuffer(binaryFile, imports);
            }
            __name(instantiateAsync, "instantiateAsync");
            function getWasmImports() {
              return {
                "env": wasmImports,
                "wasi_snapshot_preview1": wasmImports,
                "GOT.mem": new Proxy(wasmImports, GOTHandler),
                "GOT.func": new Proxy(wasmImports, GOTHandler)
              };
            }
            __name(getWasmImports, "getWasmImports");
            async function createWasm() {
              function receiveInstance(instance2, module2) {
                wasmExports = instance2.exports;
                wasmExports = relocateExports(wasmExports, 1024);
                var metadata2 = getDylinkMetadata(module2);
                if (metadata2.neededDynlibs) {
                  dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
                }
                mergeLibSymbols(wasmExports, "main");
                LDSO.init();
                loadDylibs();
                __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
                assignWasmExports(wasmExports);
                return wasmExports;
              }
              __name(receiveInstance, "receiveInstance");
              function receiveInstantiationResult(result2) {
                return receiveInstance(result2["instance"], result2["module"]);
              }
              __name(receiveInstantiationResult, "receiveInstantiationResult");
              var info2 = getWasmImports();
              if (Module["instantiateWasm"]) {
                return new Promise((resolve, reject) => {
                  Module["instantiateWasm"](info2, (mod, inst) => {
                    resolve(receiveInstance(mod, inst));
                  });
                });
              }
              wasmBinaryFile ??= findWasmBinary();
              var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
              var exports2 = receiveInstantiationResult(result);
              return exports2;
            }
            __name(createWasm, "createWasm");
            class ExitStatus {
              static {
                __name(this, "ExitStatus");
              }
              name = "ExitStatus";
              constructor(status) {
                this.message = `Program terminated with exit(${status})`;
                this.status = status;
              }
            }
            var GOT = {};
            var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
            var GOTHandler = {
              get(obj, symName) {
                var rtn = GOT[symName];
                if (!rtn) {
                  rtn = GOT[symName] = new WebAssembly.Global({
                    "value": "i32",
                    "mutable": true
                  });
                }
                if (!currentModuleWeakSymbols.has(symName)) {
                  rtn.required = true;
                }
                return rtn;
              }
            };
            var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
            var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
            var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
            var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
            var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
            var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
            var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
            var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
            var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
            var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
            var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
            var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
            var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
            var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
              while (callbacks.length > 0) {
                callbacks.shift()(Module);
              }
            }, "callRuntimeCallbacks");
            var onPostRuns = [];
            var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
            var onPreRuns = [];
            var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
            var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
            var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
              var maxIdx = idx + maxBytesToRead;
              if (ignoreNul) return maxIdx;
              while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
              return idx;
            }, "findStringEnd");
            var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
              var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
              if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
                return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
              }
              var str = "";
              while (idx < endPtr) {
                var u0 = heapOrArray[idx++];
                if (!(u0 & 128)) {
                  str += String.fromCharCode(u0);
                  continue;
                }
                var u1 = heapOrArray[idx++] & 63;
                if ((u0 & 224) == 192) {
                  str += String.fromCharCode((u0 & 31) << 6 | u1);
                  continue;
                }
                var u2 = heapOrArray[idx++] & 63;
                if ((u0 & 240) == 224) {
                  u0 = (u0 & 15) << 12 | u1 << 6 | u2;
                } else {
                  u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
                }
                if (u0 < 65536) {
                  str += String.fromCharCode(u0);
                } else {
                  var ch = u0 - 65536;
                  str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
                }
              }
              return str;
            }, "UTF8ArrayToString");
            var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
              var offset = 0;
              var end = 0;
              function getU8() {
                return binary2[offset++];
              }
              __name(getU8, "getU8");
              function getLEB() {
                var ret = 0;
                var mul = 1;
                while (1) {
                  var byte = binary2[offset++];
                  ret += (byte & 127) * mul;
                  mul *= 128;
                  if (!(byte & 128)) break;
                }
                return ret;
              }
              __name(getLEB, "getLEB");
              function getString() {
                var len = getLEB();
                offset += len;
                return UTF8ArrayToString(binary2, offset - len, len);
              }
              __name(getString, "getString");
              function getStringList() {
                var count22 = getLEB();
                var rtn = [];
                while (count22--) rtn.push(getString());
                return rtn;
              }
              __name(getStringList, "getStringList");
              function failIf(condition, message) {
                if (condition) throw new Error(message);
              }
              __name(failIf, "failIf");
              if (binary2 instanceof WebAssembly.Module) {
                var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
                failIf(dylinkSection.length === 0, "need dylink section");
                binary2 = new Uint8Array(dylinkSection[0]);
                end = binary2.length;
              } else {
                var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
                var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
                failIf(!magicNumberFound, "need to see wasm magic number");
                failIf(binary2[8] !== 0, "need the dylink section to be first");
                offset = 9;
                var section_size = getLEB();
                end = offset + section_size;
                var name2 = getString();
                failIf(name2 !== "dylink.0");
              }
              var customSection = {
                neededDynlibs: [],
                tlsExports: /* @__PURE__ */ new Set(),
                weakImports: /* @__PURE__ */ new Set(),
                runtimePaths: []
              };
              var WASM_DYLINK_MEM_INFO = 1;
              var WASM_DYLINK_NEEDED = 2;
              var WASM_DYLINK_EXPORT_INFO = 3;
              var WASM_DYLINK_IMPORT_INFO = 4;
              var WASM_DYLINK_RUNTIME_PATH = 5;
              var WASM_SYMBOL_TLS = 256;
              var WASM_SYMBOL_BINDING_MASK = 3;
              var WASM_SYMBOL_BINDING_WEAK = 1;
              while (offset < end) {
                var subsectionType = getU8();
                var subsectionSize = getLEB();
                if (subsectionType === WASM_DYLINK_MEM_INFO) {
                  customSection.memorySize = getLEB();
                  customSection.memoryAlign = getLEB();
                  customSection.tableSize = getLEB();
                  customSection.tableAlign = getLEB();
                } else if (subsectionType === WASM_DYLINK_NEEDED) {
                  customSection.neededDynlibs = getStringList();
                } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
                  var count2 = getLEB();
                  while (count2--) {
                    var symname = getString();
                    var flags2 = getLEB();
                    if (flags2 & WASM_SYMBOL_TLS) {
                      customSection.tlsExports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
                  var count2 = getLEB();
                  while (count2--) {
                    var modname = getString();
                    var symname = getString();
                    var flags2 = getLEB();
                    if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                      customSection.weakImports.add(symname);
                    }
                  }
                } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
                  customSection.runtimePaths = getStringList();
                } else {
                  offset += subsectionSize;
                }
              }
              return customSection;
            }, "getDylinkMetadata");
            function getValue(ptr, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  return HEAP8[ptr];
                case "i8":
                  return HEAP8[ptr];
                case "i16":
                  return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
                case "i32":
                  return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
                case "i64":
                  return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
                case "float":
                  return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
                case "double":
                  return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
                case "*":
                  return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
                default:
                  abort(`invalid type for getValue: ${type}`);
              }
            }
            __name(getValue, "getValue");
            var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
              var dso = {
                refcount: Infinity,
                name: name2,
                exports: syms,
                global: true
              };
              LDSO.loadedLibsByName[name2] = dso;
              if (handle2 != void 0) {
                LDSO.loadedLibsByHandle[handle2] = dso;
              }
              return dso;
            }, "newDSO");
            var LDSO = {
              loadedLibsByName: {},
              loadedLibsByHandle: {},
              init() {
                newDSO("__main__", 0, wasmImports);
              }
            };
            var ___heap_base = 82240;
            var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
            var getMemory = /* @__PURE__ */ __name((size) => {
              if (runtimeInitialized) {
                return _calloc(size, 1);
              }
              var ret = ___heap_base;
              var end = ret + alignMemory(size, 16);
              ___heap_base = end;
              GOT["__heap_base"].value = end;
              return ret;
            }, "getMemory");
            var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
            var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
              const n = arr.length;
              return [n % 128 | 128, n >> 7, ...arr];
            }, "uleb128EncodeWithLen");
            var wasmTypeCodes = {
              "i": 127,
              // i32
              "p": 127,
              // i32
              "j": 126,
              // i64
              "f": 125,
              // f32
              "d": 124,
              // f64
              "e": 111
            };
            var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
              var code = wasmTypeCodes[type];
              return code;
            })), "generateTypePack");
            var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
              var bytes = Uint8Array.of(
                0,
                97,
                115,
                109,
                // magic ("\0asm")
                1,
                0,
                0,
                0,
                // version: 1
                1,
                ...uleb128EncodeWithLen([
                  1,
                  // count: 1
                  96,
                  // param types
                  ...generateTypePack(sig.slice(1)),
                  // return types (for now only supporting [] if `void` and single [T] otherwise)
                  ...generateTypePack(sig[0] === "v" ? "" : sig[0])
                ]),
                // The rest of the module is static
                2,
                7,
                // import section
                // (import "e" "f" (func 0 (type 0)))
                1,
                1,
                101,
                1,
                102,
                0,
                0,
                7,
                5,
                // export section
                // (export "f" (func 0 (type 0)))
                1,
                1,
                102,
                0,
                0
              );
              var module2 = new WebAssembly.Module(bytes);
              var instance2 = new WebAssembly.Instance(module2, {
                "e": {
                  "f": func2
                }
              });
              var wrappedFunc = instance2.exports["f"];
              return wrappedFunc;
            }, "convertJsFunctionToWasm");
            var wasmTableMirror = [];
            var wasmTable = new WebAssembly.Table({
              "initial": 31,
              "element": "anyfunc"
            });
            var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
              var func2 = wasmTableMirror[funcPtr];
              if (!func2) {
                wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
              }
              return func2;
            }, "getWasmTableEntry");
            var updateTableMap = /* @__PURE__ */ __name((offset, count2) => {
              if (functionsInTableMap) {
                for (var i2 = offset; i2 < offset + count2; i2++) {
                  var item = getWasmTableEntry(i2);
                  if (item) {
                    functionsInTableMap.set(item, i2);
                  }
                }
              }
            }, "updateTableMap");
            var functionsInTableMap;
            var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
              if (!functionsInTableMap) {
                functionsInTableMap = /* @__PURE__ */ new WeakMap();
                updateTableMap(0, wasmTable.length);
              }
              return functionsInTableMap.get(func2) || 0;
            }, "getFunctionAddress");
            var freeTableIndexes = [];
            var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
              if (freeTableIndexes.length) {
                return freeTableIndexes.pop();
              }
              return wasmTable["grow"](1);
            }, "getEmptyTableSlot");
            var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
              wasmTable.set(idx, func2);
              wasmTableMirror[idx] = wasmTable.get(idx);
            }, "setWasmTableEntry");
            var addFunction = /* @__PURE__ */ __name((func2, sig) => {
              var rtn = getFunctionAddress(func2);
              if (rtn) {
                return rtn;
              }
              var ret = getEmptyTableSlot();
              try {
                setWasmTableEntry(ret, func2);
              } catch (err2) {
                if (!(err2 instanceof TypeError)) {
                  throw err2;
                }
                var wrapped2 = convertJsFunctionToWasm(func2, sig);
                setWasmTableEntry(ret, wrapped2);
              }
              functionsInTableMap.set(func2, ret);
              return ret;
            }, "addFunction");
            var updateGOT = /* @__PURE__ */ __name((exports2, replace) => {
              for (var symName in exports2) {
                if (isInternalSym(symName)) {
                  continue;
                }
                var value = exports2[symName];
                GOT[symName] ||= new WebAssembly.Global({
                  "value": "i32",
                  "mutable": true
                });
                if (replace || GOT[symName].value == 0) {
                  if (typeof value == "function") {
                    GOT[symName].value = addFunction(value);
                  } else if (typeof value == "number") {
                    GOT[symName].value = value;
                  } else {
                    err(`unhandled export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "updateGOT");
            var relocateExports = /* @__PURE__ */ __name((exports2, memoryBase2, replace) => {
              var relocated = {};
              for (var e in exports2) {
                var value = exports2[e];
                if (typeof value == "object") {
                  value = value.value;
                }
                if (typeof value == "number") {
                  value += memoryBase2;
                }
                relocated[e] = value;
              }
              updateGOT(relocated, replace);
              return relocated;
            }, "relocateExports");
            var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
              var existing = wasmImports[symName];
              if (!existing || existing.stub) {
                return false;
              }
              return true;
            }, "isSymbolDefined");
            var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
              var func2 = getWasmTableEntry(ptr);
              var rtn = func2(...args2);
              function convert(rtn2) {
                return rtn2;
              }
              __name(convert, "convert");
              return convert(rtn);
            }, "dynCall");
            var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
            var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
            var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
              var sp = stackSave();
              try {
                return dynCall(sig, ptr, args2);
              } catch (e) {
                stackRestore(sp);
                if (e !== e + 0) throw e;
                _setThrew(1, 0);
                if (sig[0] == "j") return 0n;
              }
            }, "createInvokeFunction");
            var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
              var sym;
              if (isSymbolDefined(symName)) {
                sym = wasmImports[symName];
              } else if (symName.startsWith("invoke_")) {
                sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
              }
              return {
                sym,
                name: symName
              };
            }, "resolveGlobalSymbol");
            var onPostCtors = [];
            var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
            var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
            var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
              var metadata = getDylinkMetadata(binary);
              function loadModule() {
                var memAlign = Math.pow(2, metadata.memoryAlign);
                var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
                var tableBase = metadata.tableSize ? wasmTable.length : 0;
                if (handle) {
                  HEAP8[handle + 8] = 1;
                  LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
                  LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
                  LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
                  LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
                }
                if (metadata.tableSize) {
                  wasmTable.grow(metadata.tableSize);
                }
                var moduleExports;
                function resolveSymbol(sym) {
                  var resolved = resolveGlobalSymbol(sym).sym;
                  if (!resolved && localScope) {
                    resolved = localScope[sym];
                  }
                  if (!resolved) {
                    resolved = moduleExports[sym];
                  }
                  return resolved;
                }
                __name(resolveSymbol, "resolveSymbol");
                var proxyHandler = {
                  get(stubs, prop) {
                    switch (prop) {
                      case "__memory_base":
                        return memoryBase;
                      case "__table_base":
                        return tableBase;
                    }
                    if (prop in wasmImports && !wasmImports[prop].stub) {
                      var res = wasmImports[prop];
                      return res;
                    }
                    if (!(prop in stubs)) {
                      var resolved;
                      stubs[prop] = (...args2) => {
                        resolved ||= resolveSymbol(prop);
                        return resolved(...args2);
                      };
                    }
                    return stubs[prop];
                  }
                };
                var proxy = new Proxy({}, proxyHandler);
                currentModuleWeakSymbols = metadata.weakImports;
                var info = {
                  "GOT.mem": new Proxy({}, GOTHandler),
                  "GOT.func": new Proxy({}, GOTHandler),
                  "env": proxy,
                  "wasi_snapshot_preview1": proxy
                };
                function postInstantiation(module, instance) {
                  updateTableMap(tableBase, metadata.tableSize);
                  moduleExports = relocateExports(instance.exports, memoryBase);
                  if (!flags.allowUndefined) {
                    reportUndefinedSymbols();
                  }
                  function addEmAsm(addr, body) {
                    var args = [];
                    var arity = 0;
                    for (; arity < 16; arity++) {
                      if (body.indexOf("$" + arity) != -1) {
                        args.push("$" + arity);
                      } else {
                        break;
                      }
                    }
                    args = args.join(",");
                    var func = `(${args}) => { ${body} };`;
                    ASM_CONSTS[start] = eval(func);
                  }
                  __name(addEmAsm, "addEmAsm");
                  if ("__start_em_asm" in moduleExports) {
                    var start = moduleExports["__start_em_asm"];
                    var stop = moduleExports["__stop_em_asm"];
                    while (start < stop) {
                      var jsString = UTF8ToString(start);
                      addEmAsm(start, jsString);
                      start = HEAPU8.indexOf(0, start) + 1;
                    }
                  }
                  function addEmJs(name, cSig, body) {
                    var jsArgs = [];
                    cSig = cSig.slice(1, -1);
                    if (cSig != "void") {
                      cSig = cSig.split(",");
                      for (var i in cSig) {
                        var jsArg = cSig[i].split(" ").pop();
                        jsArgs.push(jsArg.replace("*", ""));
                      }
                    }
                    var func = `(${jsArgs}) => ${body};`;
                    moduleExports[name] = eval(func);
                  }
                  __name(addEmJs, "addEmJs");
                  for (var name in moduleExports) {
                    if (name.startsWith("__em_js__")) {
                      var start = moduleExports[name];
                      var jsString = UTF8ToString(start);
                      var parts = jsString.split("<::>");
                      addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                      delete moduleExports[name];
                    }
                  }
                  var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
                  if (applyRelocs) {
                    if (runtimeInitialized) {
                      applyRelocs();
                    } else {
                      __RELOC_FUNCS__.push(applyRelocs);
                    }
                  }
                  var init = moduleExports["__wasm_call_ctors"];
                  if (init) {
                    if (runtimeInitialized) {
                      init();
                    } else {
                      addOnPostCtor(init);
                    }
                  }
                  return moduleExports;
                }
                __name(postInstantiation, "postInstantiation");
                if (flags.loadAsync) {
                  return (async () => {
                    var instance2;
                    if (binary instanceof WebAssembly.Module) {
                      instance2 = new WebAssembly.Instance(binary, info);
                    } else {
                      ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
                    }
                    return postInstantiation(binary, instance2);
                  })();
                }
                var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
                var instance = new WebAssembly.Instance(module, info);
                return postInstantiation(module, instance);
              }
              __name(loadModule, "loadModule");
              flags = {
                ...flags,
                rpath: {
                  parentLibPath: libName,
                  paths: metadata.runtimePaths
                }
              };
              if (flags.loadAsync) {
                return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
              }
              metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
              return loadModule();
            }, "loadWebAssemblyModule");
            var mergeLibSymbols = /* @__PURE__ */ __name((exports2, libName2) => {
              for (var [sym, exp] of Object.entries(exports2)) {
                const setImport = /* @__PURE__ */ __name((target) => {
                  if (!isSymbolDefined(target)) {
                    wasmImports[target] = exp;
                  }
                }, "setImport");
                setImport(sym);
                const main_alias = "__main_argc_argv";
                if (sym == "main") {
                  setImport(main_alias);
                }
                if (sym == main_alias) {
                  setImport("main");
                }
              }
            }, "mergeLibSymbols");
            var asyncLoad = /* @__PURE__ */ __name(async (url) => {
              var arrayBuffer = await readAsync(url);
              return new Uint8Array(arrayBuffer);
            }, "asyncLoad");
            function loadDynamicLibrary(libName2, flags2 = {
              global: true,
              nodelete: true
            }, localScope2, handle2) {
              var dso = LDSO.loadedLibsByName[libName2];
              if (dso) {
                if (!flags2.global) {
                  if (localScope2) {
                    Object.assign(localScope2, dso.exports);
                  }
                } else if (!dso.global) {
                  dso.global = true;
                  mergeLibSymbols(dso.exports, libName2);
                }
                if (flags2.nodelete && dso.refcount !== Infinity) {
                  dso.refcount = Infinity;
                }
                dso.refcount++;
                if (handle2) {
                  LDSO.loadedLibsByHandle[handle2] = dso;
                }
                return flags2.loadAsync ? Promise.resolve(true) : true;
              }
              dso = newDSO(libName2, handle2, "loading");
              dso.refcount = flags2.nodelete ? Infinity : 1;
              dso.global = flags2.global;
              function loadLibData() {
                if (handle2) {
                  var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
                  var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
                  if (data && dataSize) {
                    var libData = HEAP8.slice(data, data + dataSize);
                    return flags2.loadAsync ? Promise.resolve(libData) : libData;
                  }
                }
                var libFile = locateFile(libName2);
                if (flags2.loadAsync) {
                  return asyncLoad(libFile);
                }
                if (!readBinary) {
                  throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
                }
                return readBinary(libFile);
              }
              __name(loadLibData, "loadLibData");
              function getExports() {
                if (flags2.loadAsync) {
                  return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
                }
                return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
              }
              __name(getExports, "getExports");
              function moduleLoaded(exports2) {
                if (dso.global) {
                  mergeLibSymbols(exports2, libName2);
                } else if (localScope2) {
                  Object.assign(localScope2, exports2);
                }
                dso.exports = exports2;
              }
              __name(moduleLoaded, "moduleLoaded");
              if (flags2.loadAsync) {
                return getExports().then((exports2) => {
                  moduleLoaded(exports2);
                  return true;
                });
              }
              moduleLoaded(getExports());
              return true;
            }
            __name(loadDynamicLibrary, "loadDynamicLibrary");
            var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
              for (var [symName, entry] of Object.entries(GOT)) {
                if (entry.value == 0) {
                  var value = resolveGlobalSymbol(symName, true).sym;
                  if (!value && !entry.required) {
                    continue;
                  }
                  if (typeof value == "function") {
                    entry.value = addFunction(value, value.sig);
                  } else if (typeof value == "number") {
                    entry.value = value;
                  } else {
                    throw new Error(`bad export type for '${symName}': ${typeof value}`);
                  }
                }
              }
            }, "reportUndefinedSymbols");
            var runDependencies = 0;
            var dependenciesFulfilled = null;
            var removeRunDependency = /* @__PURE__ */ __name((id) => {
              runDependencies--;
              Module["monitorRunDependencies"]?.(runDependencies);
              if (runDependencies == 0) {
                if (dependenciesFulfilled) {
                  var callback = dependenciesFulfilled;
                  dependenciesFulfilled = null;
                  callback();
                }
              }
            }, "removeRunDependency");
            var addRunDependency = /* @__PURE__ */ __name((id) => {
              runDependencies++;
              Module["monitorRunDependencies"]?.(runDependencies);
            }, "addRunDependency");
            var loadDylibs = /* @__PURE__ */ __name(async () => {
              if (!dynamicLibraries.length) {
                reportUndefinedSymbols();
                return;
              }
              addRunDependency("loadDylibs");
              for (var lib of dynamicLibraries) {
                await loadDynamicLibrary(lib, {
                  loadAsync: true,
                  global: true,
                  nodelete: true,
                  allowUndefined: true
                });
              }
              reportUndefinedSymbols();
              removeRunDependency("loadDylibs");
            }, "loadDylibs");
            var noExitRuntime = true;
            function setValue(ptr, value, type = "i8") {
              if (type.endsWith("*")) type = "*";
              switch (type) {
                case "i1":
                  HEAP8[ptr] = value;
                  break;
                case "i8":
                  HEAP8[ptr] = value;
                  break;
                case "i16":
                  LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
                  break;
                case "i32":
                  LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
                  break;
                case "i64":
                  LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
                  break;
                case "float":
                  LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
                  break;
                case "double":
                  LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
                  break;
                case "*":
                  LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
                  break;
                default:
                  abort(`invalid type for setValue: ${type}`);
              }
            }
            __name(setValue, "setValue");
            var ___memory_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1024);
            var ___stack_high = 82240;
            var ___stack_low = 16704;
            var ___stack_pointer = new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            }, 82240);
            var ___table_base = new WebAssembly.Global({
              "value": "i32",
              "mutable": false
            }, 1);
            var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
            __abort_js.sig = "v";
            var getHeapMax = /* @__PURE__ */ __name(() => (
              // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
              // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
              // for any code that deals with heap sizes, which would require special
              // casing all heap size related code to treat 0 specially.
              2147483648
            ), "getHeapMax");
            var growMemory = /* @__PURE__ */ __name((size) => {
              var oldHeapSize = wasmMemory.buffer.byteLength;
              var pages = (size - oldHeapSize + 65535) / 65536 | 0;
              try {
                wasmMemory.grow(pages);
                updateMemoryViews();
                return 1;
              } catch (e) {
              }
            }, "growMemory");
            var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
              var oldSize = HEAPU8.length;
              requestedSize >>>= 0;
              var maxHeapSize = getHeapMax();
              if (requestedSize > maxHeapSize) {
                return false;
              }
              for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
                var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
                overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
                var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
                var replacement = growMemory(newSize);
                if (replacement) {
                  return true;
                }
              }
              return false;
            }, "_emscripten_resize_heap");
            _emscripten_resize_heap.sig = "ip";
            var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
            _fd_close.sig = "ii";
            var INT53_MAX = 9007199254740992;
            var INT53_MIN = -9007199254740992;
            var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
            function _fd_seek(fd, offset, whence, newOffset) {
              offset = bigintToI53Checked(offset);
              return 70;
            }
            __name(_fd_seek, "_fd_seek");
            _fd_seek.sig = "iijip";
            var printCharBuffers = [null, [], []];
            var printChar = /* @__PURE__ */ __name((stream, curr) => {
              var buffer = printCharBuffers[stream];
              if (curr === 0 || curr === 10) {
                (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
                buffer.length = 0;
              } else {
                buffer.push(curr);
              }
            }, "printChar");
            var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
              var num = 0;
              for (var i2 = 0; i2 < iovcnt; i2++) {
                var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
                var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
                iov += 8;
                for (var j = 0; j < len; j++) {
                  printChar(fd, HEAPU8[ptr + j]);
                }
                num += len;
              }
              LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
              return 0;
            }, "_fd_write");
            _fd_write.sig = "iippp";
            function _tree_sitter_log_callback(isLexMessage, messageAddress) {
              if (Module.currentLogCallback) {
                const message = UTF8ToString(messageAddress);
                Module.currentLogCallback(message, isLexMessage !== 0);
              }
            }
            __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
            function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
              const INPUT_BUFFER_SIZE = 10 * 1024;
              const string = Module.currentParseCallback(index, {
                row,
                column
              });
              if (typeof string === "string") {
                setValue(lengthAddress, string.length, "i32");
                stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
              } else {
                setValue(lengthAddress, 0, "i32");
              }
            }
            __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
            function _tree_sitter_progress_callback(currentOffset, hasError) {
              if (Module.currentProgressCallback) {
                return Module.currentProgressCallback({
                  currentOffset,
                  hasError
                });
              }
              return false;
            }
            __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
            function _tree_sitter_query_progress_callback(currentOffset) {
              if (Module.currentQueryProgressCallback) {
                return Module.currentQueryProgressCallback({
                  currentOffset
                });
              }
              return false;
            }
            __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
            var runtimeKeepaliveCounter = 0;
            var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
            var _proc_exit = /* @__PURE__ */ __name((code) => {
              EXITSTATUS = code;
              if (!keepRuntimeAlive()) {
                Module["onExit"]?.(code);
                ABORT = true;
              }
              quit_(code, new ExitStatus(code));
            }, "_proc_exit");
            _proc_exit.sig = "vi";
            var exitJS = /* @__PURE__ */ __name((status, implicit) => {
              EXITSTATUS = status;
              _proc_exit(status);
            }, "exitJS");
            var handleException = /* @__PURE__ */ __name((e) => {
              if (e instanceof ExitStatus || e == "unwind") {
                return EXITSTATUS;
              }
              quit_(1, e);
            }, "handleException");
            var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
              var len = 0;
              for (var i2 = 0; i2 < str.length; ++i2) {
                var c = str.charCodeAt(i2);
                if (c <= 127) {
                  len++;
                } else if (c <= 2047) {
                  len += 2;
                } else if (c >= 55296 && c <= 57343) {
                  len += 4;
                  ++i2;
                } else {
                  len += 3;
                }
              }
              return len;
            }, "lengthBytesUTF8");
            var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
              if (!(maxBytesToWrite > 0)) return 0;
              var startIdx = outIdx;
              var endIdx = outIdx + maxBytesToWrite - 1;
              for (var i2 = 0; i2 < str.length; ++i2) {
                var u = str.codePointAt(i2);
                if (u <= 127) {
                  if (outIdx >= endIdx) break;
                  heap[outIdx++] = u;
                } else if (u <= 2047) {
                  if (outIdx + 1 >= endIdx) break;
                  heap[outIdx++] = 192 | u >> 6;
                  heap[outIdx++] = 128 | u & 63;
                } else if (u <= 65535) {
                  if (outIdx + 2 >= endIdx) break;
                  heap[outIdx++] = 224 | u >> 12;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                } else {
                  if (outIdx + 3 >= endIdx) break;
                  heap[outIdx++] = 240 | u >> 18;
                  heap[outIdx++] = 128 | u >> 12 & 63;
                  heap[outIdx++] = 128 | u >> 6 & 63;
                  heap[outIdx++] = 128 | u & 63;
                  i2++;
                }
              }
              heap[outIdx] = 0;
              return outIdx - startIdx;
            }, "stringToUTF8Array");
            var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
            var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
            var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
              var size = lengthBytesUTF8(str) + 1;
              var ret = stackAlloc(size);
              stringToUTF8(str, ret, size);
              return ret;
            }, "stringToUTF8OnStack");
            var AsciiToString = /* @__PURE__ */ __name((ptr) => {
              var str = "";
              while (1) {
                var ch = HEAPU8[ptr++];
                if (!ch) return str;
                str += String.fromCharCode(ch);
              }
            }, "AsciiToString");
            var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
              maxBytesToWrite ??= 2147483647;
              if (maxBytesToWrite < 2) return 0;
              maxBytesToWrite -= 2;
              var startPtr = outPtr;
              var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
              for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
                var codeUnit = str.charCodeAt(i2);
                LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
                outPtr += 2;
              }
              LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
              return outPtr - startPtr;
            }, "stringToUTF16");
            LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
              /* little endian */
              ((x) => x),
              ((x) => x),
              void 0,
              ((x) => x)
            ] : [
              /* big endian */
              ((x) => x),
              ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
              void 0,
              ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
            ];
            function LE_HEAP_UPDATE() {
              HEAPU16.unsigned = ((x) => x & 65535);
              HEAPU32.unsigned = ((x) => x >>> 0);
            }
            __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
            {
              initMemory();
              if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
              if (Module["print"]) out = Module["print"];
              if (Module["printErr"]) err = Module["printErr"];
              if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
              if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
              if (Module["arguments"]) arguments_ = Module["arguments"];
              if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
              if (Module["preInit"]) {
                if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
                while (Module["preInit"].length > 0) {
                  Module["preInit"].shift()();
                }
              }
            }
            Module["setValue"] = setValue;
            Module["getValue"] = getValue;
            Module["UTF8ToString"] = UTF8ToString;
            Module["stringToUTF8"] = stringToUTF8;
            Module["lengthBytesUTF8"] = lengthBytesUTF8;
            Module["AsciiToString"] = AsciiToString;
            Module["stringToUTF16"] = stringToUTF16;
            Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
            Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
            var ASM_CONSTS = {};
            var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
            function assignWasmExports(wasmExports2) {
              Module["_malloc"] = _malloc = wasmExports2["malloc"];
              Module["_calloc"] = _calloc = wasmExports2["calloc"];
              Module["_realloc"] = _realloc = wasmExports2["realloc"];
              Module["_free"] = _free = wasmExports2["free"];
              Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
              Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
              Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
              Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
              Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
              Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
              Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
              Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
              Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
              Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
              Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
              Module["_strlen"] = _strlen = wasmExports2["strlen"];
              Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
              Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
              Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
              Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
              Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
              Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
              Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
              Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
              Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
              Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
              Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
              Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
              Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
              Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
              Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
              Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
              Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
              Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
              Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
              Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
              Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
              Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
              Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
              Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
              Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
              Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
              Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
              Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
              Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
              Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
              Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
              Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
              Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
              Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
              Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
              Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
              Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
              Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
              Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
              Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
              Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
              Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
              Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
              Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
              Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
              Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
              Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
              Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
              Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
              Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
              Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
              Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
              Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
              Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
              Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
              Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
              Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
              Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
              Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
              Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
              Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
              Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
              Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
              Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
              Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
              Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
              Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
              Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
              Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
              Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
              Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
              Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
              Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
              Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
              Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
              Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
              Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
              Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
              Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
              Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
              Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
              Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
              Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
              Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
              Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
              Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
              Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
              Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
              Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
              Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
              Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
              Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
              Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
              Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
              Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
              Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
              Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
              Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
              Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
              Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
              Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
              Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
              Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
              Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
              Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
              Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
              Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
              Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
              Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
              Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
              Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
              Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
              Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
              Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
              Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
              Module["_memset"] = _memset = wasmExports2["memset"];
              Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
              Module["_memmove"] = _memmove = wasmExports2["memmove"];
              Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
              Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
              Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
              Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
              Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
              Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
              Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
              Module["_memchr"] = _memchr = wasmExports2["memchr"];
              Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
              Module["_strncat"] = _strncat = wasmExports2["strncat"];
              Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
              Module["_towlower"] = _towlower = wasmExports2["towlower"];
              Module["_towupper"] = _towupper = wasmExports2["towupper"];
              _setThrew = wasmExports2["setThrew"];
              __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
              __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
              _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
              ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
            }
            __name(assignWasmExports, "assignWasmExports");
            var wasmImports = {
              /** @export */
              __heap_base: ___heap_base,
              /** @export */
              __indirect_function_table: wasmTable,
              /** @export */
              __memory_base: ___memory_base,
              /** @export */
              __stack_high: ___stack_high,
              /** @export */
              __stack_low: ___stack_low,
              /** @export */
              __stack_pointer: ___stack_pointer,
              /** @export */
              __table_base: ___table_base,
              /** @export */
              _abort_js: __abort_js,
              /** @export */
              emscripten_resize_heap: _emscripten_resize_heap,
              /** @export */
              fd_close: _fd_close,
              /** @export */
              fd_seek: _fd_seek,
              /** @export */
              fd_write: _fd_write,
              /** @export */
              memory: wasmMemory,
              /** @export */
              tree_sitter_log_callback: _tree_sitter_log_callback,
              /** @export */
              tree_sitter_parse_callback: _tree_sitter_parse_callback,
              /** @export */
              tree_sitter_progress_callback: _tree_sitter_progress_callback,
              /** @export */
              tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
            };
            function callMain(args2 = []) {
              var entryFunction = resolveGlobalSymbol("main").sym;
              if (!entryFunction) return;
              args2.unshift(thisProgram);
              var argc = args2.length;
              var argv = stackAlloc((argc + 1) * 4);
              var argv_ptr = argv;
              args2.forEach((arg) => {
                LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
                argv_ptr += 4;
              });
              LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
              try {
                var ret = entryFunction(argc, argv);
                exitJS(
                  ret,
                  /* implicit = */
                  true
                );
                return ret;
              } catch (e) {
                return handleException(e);
              }
            }
            __name(callMain, "callMain");
            function run(args2 = arguments_) {
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              preRun();
              if (runDependencies > 0) {
                dependenciesFulfilled = run;
                return;
              }
              function doRun() {
                Module["calledRun"] = true;
                if (ABORT) return;
                initRuntime();
                preMain();
                readyPromiseResolve?.(Module);
                Module["onRuntimeInitialized"]?.();
                var noInitialRun = Module["noInitialRun"] || false;
                if (!noInitialRun) callMain(args2);
                postRun();
              }
              __name(doRun, "doRun");
              if (Module["setStatus"]) {
                Module["setStatus"]("Running...");
                setTimeout(() => {
                  setTimeout(() => Module["setStatus"](""), 1);
                  doRun();
                }, 1);
              } else {
                doRun();
              }
            }
            __name(run, "run");
            var wasmExports;
            wasmExports = await createWasm();
            run();
            if (runtimeInitialized) {
              moduleRtn = Module;
            } else {
              moduleRtn = new Promise((resolve, reject) => {
                readyPromiseResolve = resolve;
                readyPromiseReject = reject;
              });
            }
            return moduleRtn;
          };
        })();
        if (typeof exports === "object" && typeof module === "object") {
          module.exports = Module;
          module.exports.default = Module;
        } else if (typeof define === "function" && define["amd"])
          define([], () => Module);
      }
    });
    var index_exports = {};
    __export(index_exports, {
      CaptureQuantifier: () => CaptureQuantifier,
      Edit: () => Edit,
      LANGUAGE_VERSION: () => LANGUAGE_VERSION,
      Language: () => Language,
      LookaheadIterator: () => LookaheadIterator,
      MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
      Node: () => Node,
      Parser: () => Parser,
      Query: () => Query,
      Tree: () => Tree,
      TreeCursor: () => TreeCursor
    });
    module.exports = __toCommonJS(index_exports);
    var Edit = class {
      static {
        __name(this, "Edit");
      }
      /** The start position of the change. */
      startPosition;
      /** The end position of the change before the edit. */
      oldEndPosition;
      /** The end position of the change after the edit. */
      newEndPosition;
      /** The start index of the change. */
      startIndex;
      /** The end index of the change before the edit. */
      oldEndIndex;
      /** The end index of the change after the edit. */
      newEndIndex;
      constructor({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition,
        oldEndPosition,
        newEndPosition
      }) {
        this.startIndex = startIndex >>> 0;
        this.oldEndIndex = oldEndIndex >>> 0;
        this.newEndIndex = newEndIndex >>> 0;
        this.startPosition = startPosition;
        this.oldEndPosition = oldEndPosition;
        this.newEndPosition = newEndPosition;
      }
      /**
       * Edit a point and index to keep it in-sync with source code that has been edited.
       *
       * This function updates a single point's byte offset and row/column position
       * based on an edit operation. This is useful for editing points without
       * requiring a tree or node instance.
       */
      editPoint(point, index) {
        let newIndex = index;
        const newPoint = { ...point };
        if (index >= this.oldEndIndex) {
          newIndex = this.newEndIndex + (index - this.oldEndIndex);
          const originalRow = point.row;
          newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
          newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
        } else if (index > this.startIndex) {
          newIndex = this.newEndIndex;
          newPoint.row = this.newEndPosition.row;
          newPoint.column = this.newEndPosition.column;
        }
        return { point: newPoint, index: newIndex };
      }
      /**
       * Edit a range to keep it in-sync with source code that has been edited.
       *
       * This function updates a range's start and end positions based on an edit
       * operation. This is useful for editing ranges without requiring a tree
       * or node instance.
       */
      editRange(range) {
        const newRange = {
          startIndex: range.startIndex,
          startPosition: { ...range.startPosition },
          endIndex: range.endIndex,
          endPosition: { ...range.endPosition }
        };
        if (range.endIndex >= this.oldEndIndex) {
          if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
            newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
            newRange.endPosition = {
              row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
              column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
            };
            if (newRange.endIndex < this.newEndIndex) {
              newRange.endIndex = Number.MAX_SAFE_INTEGER;
              newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
            }
          }
        } else if (range.endIndex > this.startIndex) {
          newRange.endIndex = this.startIndex;
          newRange.endPosition = { ...this.startPosition };
        }
        if (range.startIndex >= this.oldEndIndex) {
          newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
          newRange.startPosition = {
            row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
            column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
          };
          if (newRange.startIndex < this.newEndIndex) {
            newRange.startIndex = Number.MAX_SAFE_INTEGER;
            newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
          }
        } else if (range.startIndex > this.startIndex) {
          newRange.startIndex = this.startIndex;
          newRange.startPosition = { ...this.startPosition };
        }
        return newRange;
      }
    };
    var SIZE_OF_SHORT = 2;
    var SIZE_OF_INT = 4;
    var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
    var SIZE_OF_NODE = 5 * SIZE_OF_INT;
    var SIZE_OF_POINT = 2 * SIZE_OF_INT;
    var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
    var ZERO_POINT = { row: 0, column: 0 };
    var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
    function assertInternal(x) {
      if (x !== INTERNAL) throw new Error("Illegal constructor");
    }
    __name(assertInternal, "assertInternal");
    function isPoint(point) {
      return !!point && typeof point.row === "number" && typeof point.column === "number";
    }
    __name(isPoint, "isPoint");
    function setModule(module2) {
      C = module2;
    }
    __name(setModule, "setModule");
    var C;
    function newFinalizer(handler) {
      try {
        return new FinalizationRegistry(handler);
      } catch (e) {
        console.error("Unsupported FinalizationRegistry:", e);
        return;
      }
    }
    __name(newFinalizer, "newFinalizer");
    var finalizer = newFinalizer((address) => {
      C._ts_lookahead_iterator_delete(address);
    });
    var LookaheadIterator = class {
      static {
        __name(this, "LookaheadIterator");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      language;
      /** @internal */
      positioned = false;
      /** @internal */
      constructor(internal, address, language) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        finalizer?.register(this, address, this);
      }
      /**
       * Get the current symbol of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol:
       *
       * - Before the first iteration step
       * - After the iterator is exhausted
       * - After a {@link reset} or {@link resetState} call
       */
      get currentTypeId() {
        return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
      }
      /**
       * Get the current symbol name of the lookahead iterator.
       *
       * Returns `null` if the iterator is not positioned on a symbol.
       */
      get currentType() {
        const id = this.currentTypeId;
        if (id === null) return null;
        return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
      }
      /** Delete the lookahead iterator, freeing its resources. */
      delete() {
        finalizer?.unregister(this);
        C._ts_lookahead_iterator_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Reset the lookahead iterator.
       *
       * This returns `true` if the language was set successfully and `false`
       * otherwise.
       */
      reset(language, stateId) {
        if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
          this.language = language;
          this.positioned = false;
          return true;
        }
        return false;
      }
      /**
       * Reset the lookahead iterator to another state.
       *
       * This returns `true` if the iterator was reset to the given state and
       * `false` otherwise.
       */
      resetState(stateId) {
        if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
        this.positioned = false;
        return true;
      }
      /**
       * Returns an iterator that iterates over the symbols of the lookahead iterator.
       *
       * The iterator will yield the current symbol name as a string for each step
       * until there are no more symbols to iterate over.
       */
      [Symbol.iterator]() {
        return {
          next: /* @__PURE__ */ __name(() => {
            this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
            const value = this.currentType;
            return value === null ? { done: true, value: "" } : { done: false, value };
          }, "next")
        };
      }
    };
    function getText(tree, startIndex, endIndex, startPosition) {
      const length = endIndex - startIndex;
      let result = tree.textCallback(startIndex, startPosition);
      if (result) {
        startIndex += result.length;
        while (startIndex < endIndex) {
          const string = tree.textCallback(startIndex, startPosition);
          if (string && string.length > 0) {
            startIndex += string.length;
            result += string;
          } else {
            break;
          }
        }
        if (startIndex > endIndex) {
          result = result.slice(0, length);
        }
      }
      return result ?? "";
    }
    __name(getText, "getText");
    var finalizer2 = newFinalizer((address) => {
      C._ts_tree_delete(address);
    });
    var Tree = class _Tree {
      static {
        __name(this, "Tree");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      textCallback;
      /** The language that was used to parse the syntax tree. */
      language;
      /** @internal */
      constructor(internal, address, language, textCallback) {
        assertInternal(internal);
        this[0] = address;
        this.language = language;
        this.textCallback = textCallback;
        finalizer2?.register(this, address, this);
      }
      /** Create a shallow copy of the syntax tree. This is very fast. */
      copy() {
        const address = C._ts_tree_copy(this[0]);
        return new _Tree(INTERNAL, address, this.language, this.textCallback);
      }
      /** Delete the syntax tree, freeing its resources. */
      delete() {
        finalizer2?.unregister(this);
        C._ts_tree_delete(this[0]);
        this[0] = 0;
      }
      /** Get the root node of the syntax tree. */
      get rootNode() {
        C._ts_tree_root_node_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Get the root node of the syntax tree, but with its position shifted
       * forward by the given offset.
       */
      rootNodeWithOffset(offsetBytes, offsetExtent) {
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, offsetBytes, "i32");
        marshalPoint(address + SIZE_OF_INT, offsetExtent);
        C._ts_tree_root_node_with_offset_wasm(this[0]);
        return unmarshalNode(this);
      }
      /**
       * Edit the syntax tree to keep it in sync with source code that has been
       * edited.
       *
       * You must describe the edit both in terms of byte offsets and in terms of
       * row/column coordinates.
       */
      edit(edit) {
        marshalEdit(edit);
        C._ts_tree_edit_wasm(this[0]);
      }
      /** Create a new {@link TreeCursor} starting from the root of the tree. */
      walk() {
        return this.rootNode.walk();
      }
      /**
       * Compare this old edited syntax tree to a new syntax tree representing
       * the same document, returning a sequence of ranges whose syntactic
       * structure has changed.
       *
       * For this to work correctly, this syntax tree must have been edited such
       * that its ranges match up to the new tree. Generally, you'll want to
       * call this method right after calling one of the [`Parser::parse`]
       * functions. Call it on the old tree that was passed to parse, and
       * pass the new tree that was returned from `parse`.
       */
      getChangedRanges(other) {
        if (!(other instanceof _Tree)) {
          throw new TypeError("Argument must be a Tree");
        }
        C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the included ranges that were used to parse the syntax tree. */
      getIncludedRanges() {
        C._ts_tree_included_ranges_wasm(this[0]);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
    };
    var finalizer3 = newFinalizer((handles) => {
      marshalTreeCursor({ handles });
      C._ts_tree_cursor_delete_wasm(0);
    });
    var TreeCursor = class _TreeCursor {
      static {
        __name(this, "TreeCursor");
      }
      /** @internal */
      handles = [0, 0, 0, 0];
      // Internal handles for Wasm, shared with the finalizer.
      /** @internal */
      tree;
      /** @internal */
      constructor(internal, tree) {
        assertInternal(internal);
        this.tree = tree;
        unmarshalTreeCursor(this);
        finalizer3?.register(this, this.handles, this);
      }
      /** Creates a deep copy of the tree cursor. This allocates new memory. */
      copy() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_copy_wasm(this.tree[0]);
        return new _TreeCursor(INTERNAL, this.tree);
      }
      /** Delete the tree cursor, freeing its resources. */
      delete() {
        finalizer3?.unregister(this);
        marshalTreeCursor(this);
        C._ts_tree_cursor_delete_wasm(this.tree[0]);
        this.handles.fill(0);
      }
      /** Get the tree cursor's current {@link Node}. */
      get currentNode() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_current_node_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the numerical field id of this tree cursor's current node.
       *
       * See also {@link TreeCursor#currentFieldName}.
       */
      get currentFieldId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
      }
      /** Get the field name of this tree cursor's current node. */
      get currentFieldName() {
        return this.tree.language.fields[this.currentFieldId];
      }
      /**
       * Get the depth of the cursor's current node relative to the original
       * node that the cursor was constructed with.
       */
      get currentDepth() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
      }
      /**
       * Get the index of the cursor's current node out of all of the
       * descendants of the original node that the cursor was constructed with.
       */
      get currentDescendantIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
      }
      /** Get the type of the cursor's current node. */
      get nodeType() {
        return this.tree.language.types[this.nodeTypeId] || "ERROR";
      }
      /** Get the type id of the cursor's current node. */
      get nodeTypeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
      }
      /** Get the state id of the cursor's current node. */
      get nodeStateId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
      }
      /** Get the id of the cursor's current node. */
      get nodeId() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
      }
      /**
       * Check if the cursor's current node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get nodeIsNamed() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if the cursor's current node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get nodeIsMissing() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Get the string content of the cursor's current node. */
      get nodeText() {
        marshalTreeCursor(this);
        const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
        const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        const startPosition = unmarshalPoint(TRANSFER_BUFFER);
        return getText(this.tree, startIndex, endIndex, startPosition);
      }
      /** Get the start position of the cursor's current node. */
      get startPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_start_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the end position of the cursor's current node. */
      get endPosition() {
        marshalTreeCursor(this);
        C._ts_tree_cursor_end_position_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the start index of the cursor's current node. */
      get startIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
      }
      /** Get the end index of the cursor's current node. */
      get endIndex() {
        marshalTreeCursor(this);
        return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
      }
      /**
       * Move this cursor to the first child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       */
      gotoFirstChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the last child of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there were no children.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoFirstChild} because it needs to
       * iterate through all the children to compute the child's position.
       */
      gotoLastChild() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the parent of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no parent node (the cursor was already on the
       * root node).
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoParent() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the next sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no next sibling node.
       *
       * Note that the node the cursor was constructed with is considered the root
       * of the cursor, and the cursor cannot walk outside this node.
       */
      gotoNextSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the previous sibling of its current node.
       *
       * This returns `true` if the cursor successfully moved, and returns
       * `false` if there was no previous sibling node.
       *
       * Note that this function may be slower than
       * {@link TreeCursor#gotoNextSibling} due to how node
       * positions are stored. In the worst case, this will need to iterate
       * through all the children up to the previous sibling node to recalculate
       * its position. Also note that the node the cursor was constructed with is
       * considered the root of the cursor, and the cursor cannot walk outside this node.
       */
      gotoPreviousSibling() {
        marshalTreeCursor(this);
        const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move the cursor to the node that is the nth descendant of
       * the original node that the cursor was constructed with, where
       * zero represents the original node itself.
       */
      gotoDescendant(goalDescendantIndex) {
        marshalTreeCursor(this);
        C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
        unmarshalTreeCursor(this);
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given byte offset.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForIndex(goalIndex) {
        marshalTreeCursor(this);
        C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
        const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Move this cursor to the first child of its current node that contains or
       * starts after the given position.
       *
       * This returns `true` if the cursor successfully moved to a child node, and returns
       * `false` if no such child was found.
       */
      gotoFirstChildForPosition(goalPosition) {
        marshalTreeCursor(this);
        marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
        const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
        unmarshalTreeCursor(this);
        return result === 1;
      }
      /**
       * Re-initialize this tree cursor to start at the original node that the
       * cursor was constructed with.
       */
      reset(node) {
        marshalNode(node);
        marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
        C._ts_tree_cursor_reset_wasm(node.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = node.tree;
      }
      /**
       * Re-initialize a tree cursor to the same position as another cursor.
       *
       * Unlike {@link TreeCursor#reset}, this will not lose parent
       * information and allows reusing already created cursors.
       */
      resetTo(cursor) {
        marshalTreeCursor(this, TRANSFER_BUFFER);
        marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
        C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
        unmarshalTreeCursor(this);
        this.tree = cursor.tree;
      }
    };
    var Node = class {
      static {
        __name(this, "Node");
      }
      /** @internal */
      // @ts-expect-error: never read
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      _children;
      /** @internal */
      _namedChildren;
      /** @internal */
      constructor(internal, {
        id,
        tree,
        startIndex,
        startPosition,
        other
      }) {
        assertInternal(internal);
        this[0] = other;
        this.id = id;
        this.tree = tree;
        this.startIndex = startIndex;
        this.startPosition = startPosition;
      }
      /**
       * The numeric id for this node that is unique.
       *
       * Within a given syntax tree, no two nodes have the same id. However:
       *
       * * If a new tree is created based on an older tree, and a node from the old tree is reused in
       *   the process, then that node will have the same id in both trees.
       *
       * * A node not marked as having changes does not guarantee it was reused.
       *
       * * If a node is marked as having changed in the old tree, it will not be reused.
       */
      id;
      /** The byte index where this node starts. */
      startIndex;
      /** The position where this node starts. */
      startPosition;
      /** The tree that this node belongs to. */
      tree;
      /** Get this node's type as a numerical id. */
      get typeId() {
        marshalNode(this);
        return C._ts_node_symbol_wasm(this.tree[0]);
      }
      /**
       * Get the node's type as a numerical id as it appears in the grammar,
       * ignoring aliases.
       */
      get grammarId() {
        marshalNode(this);
        return C._ts_node_grammar_symbol_wasm(this.tree[0]);
      }
      /** Get this node's type as a string. */
      get type() {
        return this.tree.language.types[this.typeId] || "ERROR";
      }
      /**
       * Get this node's symbol name as it appears in the grammar, ignoring
       * aliases as a string.
       */
      get grammarType() {
        return this.tree.language.types[this.grammarId] || "ERROR";
      }
      /**
       * Check if this node is *named*.
       *
       * Named nodes correspond to named rules in the grammar, whereas
       * *anonymous* nodes correspond to string literals in the grammar.
       */
      get isNamed() {
        marshalNode(this);
        return C._ts_node_is_named_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *extra*.
       *
       * Extra nodes represent things like comments, which are not required
       * by the grammar, but can appear anywhere.
       */
      get isExtra() {
        marshalNode(this);
        return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error.
       *
       * Syntax errors represent parts of the code that could not be incorporated
       * into a valid syntax tree.
       */
      get isError() {
        marshalNode(this);
        return C._ts_node_is_error_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node is *missing*.
       *
       * Missing nodes are inserted by the parser in order to recover from
       * certain kinds of syntax errors.
       */
      get isMissing() {
        marshalNode(this);
        return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
      }
      /** Check if this node has been edited. */
      get hasChanges() {
        marshalNode(this);
        return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
      }
      /**
       * Check if this node represents a syntax error or contains any syntax
       * errors anywhere within it.
       */
      get hasError() {
        marshalNode(this);
        return C._ts_node_has_error_wasm(this.tree[0]) === 1;
      }
      /** Get the byte index where this node ends. */
      get endIndex() {
        marshalNode(this);
        return C._ts_node_end_index_wasm(this.tree[0]);
      }
      /** Get the position where this node ends. */
      get endPosition() {
        marshalNode(this);
        C._ts_node_end_point_wasm(this.tree[0]);
        return unmarshalPoint(TRANSFER_BUFFER);
      }
      /** Get the string content of this node. */
      get text() {
        return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
      }
      /** Get this node's parse state. */
      get parseState() {
        marshalNode(this);
        return C._ts_node_parse_state_wasm(this.tree[0]);
      }
      /** Get the parse state after this node. */
      get nextParseState() {
        marshalNode(this);
        return C._ts_node_next_parse_state_wasm(this.tree[0]);
      }
      /** Check if this node is equal to another node. */
      equals(other) {
        return this.tree === other.tree && this.id === other.id;
      }
      /**
       * Get the node's child at the given index, where zero represents the first child.
       *
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#children} instead.
       */
      child(index) {
        marshalNode(this);
        C._ts_node_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's *named* child at the given index.
       *
       * See also {@link Node#isNamed}.
       * This method is fairly fast, but its cost is technically log(n), so if
       * you might be iterating over a long list of children, you should use
       * {@link Node#namedChildren} instead.
       */
      namedChild(index) {
        marshalNode(this);
        C._ts_node_named_child_wasm(this.tree[0], index);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's child with the given numerical field id.
       *
       * See also {@link Node#childForFieldName}. You can
       * convert a field name to an id using {@link Language#fieldIdForName}.
       */
      childForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the first child with the given field name.
       *
       * If multiple children may have the same field name, access them using
       * {@link Node#childrenForFieldName}.
       */
      childForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1) return this.childForFieldId(fieldId);
        return null;
      }
      /** Get the field name of this node's child at the given index. */
      fieldNameForChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /** Get the field name of this node's named child at the given index. */
      fieldNameForNamedChild(index) {
        marshalNode(this);
        const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
        if (!address) return null;
        return C.AsciiToString(address);
      }
      /**
       * Get an array of this node's children with a given field name.
       *
       * See also {@link Node#children}.
       */
      childrenForFieldName(fieldName) {
        const fieldId = this.tree.language.fields.indexOf(fieldName);
        if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
        return [];
      }
      /**
        * Get an array of this node's children with a given field id.
        *
        * See also {@link Node#childrenForFieldName}.
        */
      childrenForFieldId(fieldId) {
        marshalNode(this);
        C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Get the node's first child that contains or starts after the given byte offset. */
      firstChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's first named child that contains or starts after the given byte offset. */
      firstNamedChildForIndex(index) {
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, index, "i32");
        C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's number of children. */
      get childCount() {
        marshalNode(this);
        return C._ts_node_child_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's number of *named* children.
       *
       * See also {@link Node#isNamed}.
       */
      get namedChildCount() {
        marshalNode(this);
        return C._ts_node_named_child_count_wasm(this.tree[0]);
      }
      /** Get this node's first child. */
      get firstChild() {
        return this.child(0);
      }
      /**
       * Get this node's first named child.
       *
       * See also {@link Node#isNamed}.
       */
      get firstNamedChild() {
        return this.namedChild(0);
      }
      /** Get this node's last child. */
      get lastChild() {
        return this.child(this.childCount - 1);
      }
      /**
       * Get this node's last named child.
       *
       * See also {@link Node#isNamed}.
       */
      get lastNamedChild() {
        return this.namedChild(this.namedChildCount - 1);
      }
      /**
       * Iterate over this node's children.
       *
       * If you're walking the tree recursively, you may want to use the
       * {@link TreeCursor} APIs directly instead.
       */
      get children() {
        if (!this._children) {
          marshalNode(this);
          C._ts_node_children_wasm(this.tree[0]);
          const count2 = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._children = new Array(count2);
          if (count2 > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count2; i2++) {
              this._children[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._children;
      }
      /**
       * Iterate over this node's named children.
       *
       * See also {@link Node#children}.
       */
      get namedChildren() {
        if (!this._namedChildren) {
          marshalNode(this);
          C._ts_node_named_children_wasm(this.tree[0]);
          const count2 = C.getValue(TRANSFER_BUFFER, "i32");
          const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          this._namedChildren = new Array(count2);
          if (count2 > 0) {
            let address = buffer;
            for (let i2 = 0; i2 < count2; i2++) {
              this._namedChildren[i2] = unmarshalNode(this.tree, address);
              address += SIZE_OF_NODE;
            }
            C._free(buffer);
          }
        }
        return this._namedChildren;
      }
      /**
       * Get the descendants of this node that are the given type, or in the given types array.
       *
       * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
       *
       * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
       */
      descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
        if (!Array.isArray(types)) types = [types];
        const symbols = [];
        const typesBySymbol = this.tree.language.types;
        for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
          if (types.includes(typesBySymbol[i2])) {
            symbols.push(i2);
          }
        }
        if (types.includes("ERROR")) {
          symbols.push(65535);
        }
        const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
        for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
          C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
        }
        marshalNode(this);
        C._ts_node_descendants_of_type_wasm(
          this.tree[0],
          symbolsAddress,
          symbols.length,
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column
        );
        const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
        const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(descendantCount);
        if (descendantCount > 0) {
          let address = descendantAddress;
          for (let i2 = 0; i2 < descendantCount; i2++) {
            result[i2] = unmarshalNode(this.tree, address);
            address += SIZE_OF_NODE;
          }
        }
        C._free(descendantAddress);
        C._free(symbolsAddress);
        return result;
      }
      /** Get this node's next sibling. */
      get nextSibling() {
        marshalNode(this);
        C._ts_node_next_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get this node's previous sibling. */
      get previousSibling() {
        marshalNode(this);
        C._ts_node_prev_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's next *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get nextNamedSibling() {
        marshalNode(this);
        C._ts_node_next_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get this node's previous *named* sibling.
       *
       * See also {@link Node#isNamed}.
       */
      get previousNamedSibling() {
        marshalNode(this);
        C._ts_node_prev_named_sibling_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the node's number of descendants, including one for the node itself. */
      get descendantCount() {
        marshalNode(this);
        return C._ts_node_descendant_count_wasm(this.tree[0]);
      }
      /**
       * Get this node's immediate parent.
       * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
       */
      get parent() {
        marshalNode(this);
        C._ts_node_parent_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Get the node that contains `descendant`.
       *
       * Note that this can return `descendant` itself.
       */
      childWithDescendant(descendant) {
        marshalNode(this);
        marshalNode(descendant, 1);
        C._ts_node_child_with_descendant_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given byte range. */
      descendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given byte range. */
      namedDescendantForIndex(start2, end = start2) {
        if (typeof start2 !== "number" || typeof end !== "number") {
          throw new Error("Arguments must be numbers");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        C.setValue(address, start2, "i32");
        C.setValue(address + SIZE_OF_INT, end, "i32");
        C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest node within this node that spans the given point range. */
      descendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /** Get the smallest named node within this node that spans the given point range. */
      namedDescendantForPosition(start2, end = start2) {
        if (!isPoint(start2) || !isPoint(end)) {
          throw new Error("Arguments must be {row, column} objects");
        }
        marshalNode(this);
        const address = TRANSFER_BUFFER + SIZE_OF_NODE;
        marshalPoint(address, start2);
        marshalPoint(address + SIZE_OF_POINT, end);
        C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
        return unmarshalNode(this.tree);
      }
      /**
       * Create a new {@link TreeCursor} starting from this node.
       *
       * Note that the given node is considered the root of the cursor,
       * and the cursor cannot walk outside this node.
       */
      walk() {
        marshalNode(this);
        C._ts_tree_cursor_new_wasm(this.tree[0]);
        return new TreeCursor(INTERNAL, this.tree);
      }
      /**
       * Edit this node to keep it in-sync with source code that has been edited.
       *
       * This function is only rarely needed. When you edit a syntax tree with
       * the {@link Tree#edit} method, all of the nodes that you retrieve from
       * the tree afterward will already reflect the edit. You only need to
       * use {@link Node#edit} when you have a specific {@link Node} instance that
       * you want to keep and continue to use after an edit.
       */
      edit(edit) {
        const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
        this.startPosition = point;
        this.startIndex = index;
      }
      /** Get the S-expression representation of this node. */
      toString() {
        marshalNode(this);
        const address = C._ts_node_to_string_wasm(this.tree[0]);
        const result = C.AsciiToString(address);
        C._free(address);
        return result;
      }
    };
    function unmarshalCaptures(query, tree, address, patternIndex, result) {
      for (let i2 = 0, n = result.length; i2 < n; i2++) {
        const captureIndex = C.getValue(address, "i32");
        address += SIZE_OF_INT;
        const node = unmarshalNode(tree, address);
        address += SIZE_OF_NODE;
        result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
      }
      return address;
    }
    __name(unmarshalCaptures, "unmarshalCaptures");
    function marshalNode(node, index = 0) {
      let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
      C.setValue(address, node.id, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.row, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node.startPosition.column, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, node[0], "i32");
    }
    __name(marshalNode, "marshalNode");
    function unmarshalNode(tree, address = TRANSFER_BUFFER) {
      const id = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      if (id === 0) return null;
      const index = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const row = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const column = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const other = C.getValue(address, "i32");
      const result = new Node(INTERNAL, {
        id,
        tree,
        startIndex: index,
        startPosition: { row, column },
        other
      });
      return result;
    }
    __name(unmarshalNode, "unmarshalNode");
    function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
      C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
      C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
      C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
      C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
    }
    __name(marshalTreeCursor, "marshalTreeCursor");
    function unmarshalTreeCursor({ handles }) {
      handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
      handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
      handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
      handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
    }
    __name(unmarshalTreeCursor, "unmarshalTreeCursor");
    function marshalPoint(address, point) {
      C.setValue(address, point.row, "i32");
      C.setValue(address + SIZE_OF_INT, point.column, "i32");
    }
    __name(marshalPoint, "marshalPoint");
    function unmarshalPoint(address) {
      const result = {
        row: C.getValue(address, "i32") >>> 0,
        column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
      };
      return result;
    }
    __name(unmarshalPoint, "unmarshalPoint");
    function marshalRange(address, range) {
      marshalPoint(address, range.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, range.endPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, range.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, range.endIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalRange, "marshalRange");
    function unmarshalRange(address) {
      const result = {};
      result.startPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.endPosition = unmarshalPoint(address);
      address += SIZE_OF_POINT;
      result.startIndex = C.getValue(address, "i32") >>> 0;
      address += SIZE_OF_INT;
      result.endIndex = C.getValue(address, "i32") >>> 0;
      return result;
    }
    __name(unmarshalRange, "unmarshalRange");
    function marshalEdit(edit, address = TRANSFER_BUFFER) {
      marshalPoint(address, edit.startPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.oldEndPosition);
      address += SIZE_OF_POINT;
      marshalPoint(address, edit.newEndPosition);
      address += SIZE_OF_POINT;
      C.setValue(address, edit.startIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.oldEndIndex, "i32");
      address += SIZE_OF_INT;
      C.setValue(address, edit.newEndIndex, "i32");
      address += SIZE_OF_INT;
    }
    __name(marshalEdit, "marshalEdit");
    function unmarshalLanguageMetadata(address) {
      const major_version = C.getValue(address, "i32");
      const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
      const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
      return { major_version, minor_version, patch_version };
    }
    __name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
    var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
    var Language = class _Language {
      static {
        __name(this, "Language");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /**
       * A list of all node types in the language. The index of each type in this
       * array is its node type id.
       */
      types;
      /**
       * A list of all field names in the language. The index of each field name in
       * this array is its field id.
       */
      fields;
      /** @internal */
      constructor(internal, address) {
        assertInternal(internal);
        this[0] = address;
        this.types = new Array(C._ts_language_symbol_count(this[0]));
        for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
          if (C._ts_language_symbol_type(this[0], i2) < 2) {
            this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
          }
        }
        this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
        for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
          const fieldName = C._ts_language_field_name_for_id(this[0], i2);
          if (fieldName !== 0) {
            this.fields[i2] = C.UTF8ToString(fieldName);
          } else {
            this.fields[i2] = null;
          }
        }
      }
      /**
       * Gets the name of the language.
       */
      get name() {
        const ptr = C._ts_language_name(this[0]);
        if (ptr === 0) return null;
        return C.UTF8ToString(ptr);
      }
      /**
       * Gets the ABI version of the language.
       */
      get abiVersion() {
        return C._ts_language_abi_version(this[0]);
      }
      /**
      * Get the metadata for this language. This information is generated by the
      * CLI, and relies on the language author providing the correct metadata in
      * the language's `tree-sitter.json` file.
      */
      get metadata() {
        C._ts_language_metadata_wasm(this[0]);
        const length = C.getValue(TRANSFER_BUFFER, "i32");
        if (length === 0) return null;
        return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
      }
      /**
       * Gets the number of fields in the language.
       */
      get fieldCount() {
        return this.fields.length - 1;
      }
      /**
       * Gets the number of states in the language.
       */
      get stateCount() {
        return C._ts_language_state_count(this[0]);
      }
      /**
       * Get the field id for a field name.
       */
      fieldIdForName(fieldName) {
        const result = this.fields.indexOf(fieldName);
        return result !== -1 ? result : null;
      }
      /**
       * Get the field name for a field id.
       */
      fieldNameForId(fieldId) {
        return this.fields[fieldId] ?? null;
      }
      /**
       * Get the node type id for a node type name.
       */
      idForNodeType(type, named) {
        const typeLength = C.lengthBytesUTF8(type);
        const typeAddress = C._malloc(typeLength + 1);
        C.stringToUTF8(type, typeAddress, typeLength + 1);
        const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
        C._free(typeAddress);
        return result || null;
      }
      /**
       * Gets the number of node types in the language.
       */
      get nodeTypeCount() {
        return C._ts_language_symbol_count(this[0]);
      }
      /**
       * Get the node type name for a node type id.
       */
      nodeTypeForId(typeId) {
        const name2 = C._ts_language_symbol_name(this[0], typeId);
        return name2 ? C.UTF8ToString(name2) : null;
      }
      /**
       * Check if a node type is named.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
       */
      nodeTypeIsNamed(typeId) {
        return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Check if a node type is visible.
       */
      nodeTypeIsVisible(typeId) {
        return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
      }
      /**
       * Get the supertypes ids of this language.
       *
       * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
       */
      get supertypes() {
        C._ts_language_supertypes_wasm(this[0]);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the subtype ids for a given supertype node id.
       */
      subtypes(supertype) {
        C._ts_language_subtypes_wasm(this[0], supertype);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = C.getValue(address, "i16");
            address += SIZE_OF_SHORT;
          }
        }
        return result;
      }
      /**
       * Get the next state id for a given state id and node type id.
       */
      nextState(stateId, typeId) {
        return C._ts_language_next_state(this[0], stateId, typeId);
      }
      /**
       * Create a new lookahead iterator for this language and parse state.
       *
       * This returns `null` if state is invalid for this language.
       *
       * Iterating {@link LookaheadIterator} will yield valid symbols in the given
       * parse state. A newly created iterator is not positioned on a symbol, so
       * {@link LookaheadIterator#currentType} returns `null` until the first
       * iteration step.
       *
       * Lookahead iterators can be useful for generating suggestions and improving
       * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
       * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
       * lookahead iterator created on the previous non-extra leaf node may be
       * appropriate.
       */
      lookaheadIterator(stateId) {
        const address = C._ts_lookahead_iterator_new(this[0], stateId);
        if (address) return new LookaheadIterator(INTERNAL, address, this);
        return null;
      }
      /**
       * Load a language from a WebAssembly module.
       * The module can be provided as a path to a file, a `URL` to a file, or as a
       * buffer.
       */
      static async load(input) {
        let binary2;
        if (input instanceof Uint8Array) {
          binary2 = input;
        } else if (globalThis.process?.versions.node) {
          const fs22 = await import("fs/promises");
          binary2 = await fs22.readFile(input);
        } else {
          const response = await fetch(input);
          if (!response.ok) {
            const body2 = await response.text();
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
          const retryResp = response.clone();
          try {
            binary2 = await WebAssembly.compileStreaming(response);
          } catch (reason) {
            console.error("wasm streaming compile failed:", reason);
            console.error("falling back to ArrayBuffer instantiation");
            binary2 = new Uint8Array(await retryResp.arrayBuffer());
          }
        }
        const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
        return _Language.loadFromWasmExports(mod, { sync: false });
      }
      static loadFromWasmExports(mod, { sync }) {
        const symbolNames = Object.keys(mod);
        const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
        if (!functionName) {
          console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
          throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
        }
        const languageAddress = mod[functionName]();
        return new _Language(INTERNAL, languageAddress);
      }
      /**
       * Load a language synchronously from a pre-compiled WebAssembly module.
       * Use this when the host environment provides a `WebAssembly.Module` directly.
       */
      static loadSync(wasmModule) {
        const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
        return _Language.loadFromWasmExports(mod, { sync: true });
      }
    };
    var import_web_tree_sitter = __toESM(require_web_tree_sitter(), 1);
    var Module2 = null;
    async function initializeBinding(moduleOptions) {
      return Module2 ??= await (0, import_web_tree_sitter.default)(moduleOptions);
    }
    __name(initializeBinding, "initializeBinding");
    function checkModule() {
      return !!Module2;
    }
    __name(checkModule, "checkModule");
    var TRANSFER_BUFFER;
    var LANGUAGE_VERSION;
    var MIN_COMPATIBLE_VERSION;
    var finalizer4 = newFinalizer((addresses) => {
      C._ts_parser_delete(addresses[0]);
      C._free(addresses[1]);
    });
    var Parser = class {
      static {
        __name(this, "Parser");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      [1] = 0;
      // Internal handle for Wasm
      /** @internal */
      logCallback = null;
      /** The parser's current language. */
      language = null;
      /**
       * This must always be called before creating a Parser.
       *
       * You can optionally pass in options to configure the Wasm module, the most common
       * one being `locateFile` to help the module find the `.wasm` file.
       */
      static async init(moduleOptions) {
        setModule(await initializeBinding(moduleOptions));
        TRANSFER_BUFFER = C._ts_init();
        LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
        MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /**
       * Create a new parser.
       */
      constructor() {
        this.initialize();
        finalizer4?.register(this, [this[0], this[1]], this);
      }
      /** @internal */
      initialize() {
        if (!checkModule()) {
          throw new Error("cannot construct a Parser before calling `init()`");
        }
        C._ts_parser_new_wasm();
        this[0] = C.getValue(TRANSFER_BUFFER, "i32");
        this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      }
      /** Delete the parser, freeing its resources. */
      delete() {
        finalizer4?.unregister(this);
        C._ts_parser_delete(this[0]);
        C._free(this[1]);
        this[0] = 0;
        this[1] = 0;
      }
      /**
       * Set the language that the parser should use for parsing.
       *
       * If the language was not successfully assigned, an error will be thrown.
       * This happens if the language was generated with an incompatible
       * version of the Tree-sitter CLI. Check the language's version using
       * {@link Language#version} and compare it to this library's
       * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
       */
      setLanguage(language) {
        let address;
        if (!language) {
          address = 0;
          this.language = null;
        } else if (language.constructor === Language) {
          address = language[0];
          const version = C._ts_language_abi_version(address);
          if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
            throw new Error(
              `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
            );
          }
          this.language = language;
        } else {
          throw new Error("Argument must be a Language");
        }
        C._ts_parser_set_language(this[0], address);
        return this;
      }
      /**
       * Parse a slice of UTF8 text.
       *
       * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
       *
       * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
       *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
       *   the new text using {@link Tree#edit}.
       *
       * @param {ParseOptions} [options] - Options for parsing the text.
       *  This can be used to set the included ranges, or a progress callback.
       *
       * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
       *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
       *  - The progress callback returned true.
       */
      parse(callback, oldTree, options) {
        if (typeof callback === "string") {
          C.currentParseCallback = (index) => callback.slice(index);
        } else if (typeof callback === "function") {
          C.currentParseCallback = callback;
        } else {
          throw new Error("Argument must be a string or a function");
        }
        if (options?.progressCallback) {
          C.currentProgressCallback = options.progressCallback;
        } else {
          C.currentProgressCallback = null;
        }
        if (this.logCallback) {
          C.currentLogCallback = this.logCallback;
          C._ts_parser_enable_logger_wasm(this[0], 1);
        } else {
          C.currentLogCallback = null;
          C._ts_parser_enable_logger_wasm(this[0], 0);
        }
        let rangeCount = 0;
        let rangeAddress = 0;
        if (options?.includedRanges) {
          rangeCount = options.includedRanges.length;
          rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
          let address = rangeAddress;
          for (let i2 = 0; i2 < rangeCount; i2++) {
            marshalRange(address, options.includedRanges[i2]);
            address += SIZE_OF_RANGE;
          }
        }
        const treeAddress = C._ts_parser_parse_wasm(
          this[0],
          this[1],
          oldTree ? oldTree[0] : 0,
          rangeAddress,
          rangeCount
        );
        if (!treeAddress) {
          C.currentParseCallback = null;
          C.currentLogCallback = null;
          C.currentProgressCallback = null;
          return null;
        }
        if (!this.language) {
          throw new Error("Parser must have a language to parse");
        }
        const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
        C.currentParseCallback = null;
        C.currentLogCallback = null;
        C.currentProgressCallback = null;
        return result;
      }
      /**
       * Instruct the parser to start the next parse from the beginning.
       *
       * If the parser previously failed because of a callback, 
       * then by default, it will resume where it left off on the
       * next call to {@link Parser#parse} or other parsing functions.
       * If you don't want to resume, and instead intend to use this parser to
       * parse some other document, you must call `reset` first.
       */
      reset() {
        C._ts_parser_reset(this[0]);
      }
      /** Get the ranges of text that the parser will include when parsing. */
      getIncludedRanges() {
        C._ts_parser_included_ranges_wasm(this[0]);
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const result = new Array(count2);
        if (count2 > 0) {
          let address = buffer;
          for (let i2 = 0; i2 < count2; i2++) {
            result[i2] = unmarshalRange(address);
            address += SIZE_OF_RANGE;
          }
          C._free(buffer);
        }
        return result;
      }
      /** Set the logging callback that a parser should use during parsing. */
      setLogger(callback) {
        if (!callback) {
          this.logCallback = null;
        } else if (typeof callback !== "function") {
          throw new Error("Logger callback must be a function");
        } else {
          this.logCallback = callback;
        }
        return this;
      }
      /** Get the parser's current logger. */
      getLogger() {
        return this.logCallback;
      }
    };
    var PREDICATE_STEP_TYPE_CAPTURE = 1;
    var PREDICATE_STEP_TYPE_STRING = 2;
    var QUERY_WORD_REGEX = /[\w-]+/g;
    var CaptureQuantifier = {
      Zero: 0,
      ZeroOrOne: 1,
      ZeroOrMore: 2,
      One: 3,
      OneOrMore: 4
    };
    var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
    var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
    var QueryErrorKind = {
      Syntax: 1,
      NodeName: 2,
      FieldName: 3,
      CaptureName: 4,
      PatternStructure: 5
    };
    var QueryError = class _QueryError extends Error {
      constructor(kind, info2, index, length) {
        super(_QueryError.formatMessage(kind, info2));
        this.kind = kind;
        this.info = info2;
        this.index = index;
        this.length = length;
        this.name = "QueryError";
      }
      kind;
      info;
      index;
      length;
      static {
        __name(this, "QueryError");
      }
      /** Formats an error message based on the error kind and info */
      static formatMessage(kind, info2) {
        switch (kind) {
          case QueryErrorKind.NodeName:
            return `Bad node name '${info2.word}'`;
          case QueryErrorKind.FieldName:
            return `Bad field name '${info2.word}'`;
          case QueryErrorKind.CaptureName:
            return `Bad capture name @${info2.word}`;
          case QueryErrorKind.PatternStructure:
            return `Bad pattern structure at offset ${info2.suffix}`;
          case QueryErrorKind.Syntax:
            return `Bad syntax at offset ${info2.suffix}`;
        }
      }
    };
    function parseAnyPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
        );
      }
      if (!isCaptureStep(steps[1])) {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
        );
      }
      const isPositive = operator === "eq?" || operator === "any-eq?";
      const matchAll = !operator.startsWith("any-");
      if (isCaptureStep(steps[2])) {
        const captureName1 = steps[1].name;
        const captureName2 = steps[2].name;
        textPredicates[index].push((captures) => {
          const nodes1 = [];
          const nodes2 = [];
          for (const c of captures) {
            if (c.name === captureName1) nodes1.push(c.node);
            if (c.name === captureName2) nodes2.push(c.node);
          }
          const compare3 = /* @__PURE__ */ __name((n1, n2, positive) => {
            return positive ? n1.text === n2.text : n1.text !== n2.text;
          }, "compare");
          return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare3(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare3(n1, n2, isPositive)));
        });
      } else {
        const captureName = steps[1].name;
        const stringValue = steps[2].value;
        const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
        const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
        textPredicates[index].push((captures) => {
          const nodes = [];
          for (const c of captures) {
            if (c.name === captureName) nodes.push(c.node);
          }
          const test = isPositive ? matches : doesNotMatch;
          return matchAll ? nodes.every(test) : nodes.some(test);
        });
      }
    }
    __name(parseAnyPredicate, "parseAnyPredicate");
    function parseMatchPredicate(steps, index, operator, textPredicates) {
      if (steps.length !== 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      if (steps[2].type !== "string") {
        throw new Error(
          `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
        );
      }
      const isPositive = operator === "match?" || operator === "any-match?";
      const matchAll = !operator.startsWith("any-");
      const captureName = steps[1].name;
      const regex = new RegExp(steps[2].value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        const test = /* @__PURE__ */ __name((text2, positive) => {
          return positive ? regex.test(text2) : !regex.test(text2);
        }, "test");
        if (nodes.length === 0) return !isPositive;
        return matchAll ? nodes.every((text2) => test(text2, isPositive)) : nodes.some((text2) => test(text2, isPositive));
      });
    }
    __name(parseMatchPredicate, "parseMatchPredicate");
    function parseAnyOfPredicate(steps, index, operator, textPredicates) {
      if (steps.length < 2) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
        );
      }
      if (steps[1].type !== "capture") {
        throw new Error(
          `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
        );
      }
      const isPositive = operator === "any-of?";
      const captureName = steps[1].name;
      const stringSteps = steps.slice(2);
      if (!stringSteps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const values = stringSteps.map((s) => s.value);
      textPredicates[index].push((captures) => {
        const nodes = [];
        for (const c of captures) {
          if (c.name === captureName) nodes.push(c.node.text);
        }
        if (nodes.length === 0) return !isPositive;
        return nodes.every((text2) => values.includes(text2)) === isPositive;
      });
    }
    __name(parseAnyOfPredicate, "parseAnyOfPredicate");
    function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(
          `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
        );
      }
      if (!steps.every(isStringStep)) {
        throw new Error(
          `Arguments to \`#${operator}\` predicate must be strings.".`
        );
      }
      const properties = operator === "is?" ? assertedProperties : refutedProperties;
      if (!properties[index]) properties[index] = {};
      properties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseIsPredicate, "parseIsPredicate");
    function parseSetDirective(steps, index, setProperties) {
      if (steps.length < 2 || steps.length > 3) {
        throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
      }
      if (!steps.every(isStringStep)) {
        throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
      }
      if (!setProperties[index]) setProperties[index] = {};
      setProperties[index][steps[1].value] = steps[2]?.value ?? null;
    }
    __name(parseSetDirective, "parseSetDirective");
    function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
      if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
        const name2 = captureNames[stepValueId];
        steps.push({ type: "capture", name: name2 });
      } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
        steps.push({ type: "string", value: stringValues[stepValueId] });
      } else if (steps.length > 0) {
        if (steps[0].type !== "string") {
          throw new Error("Predicates must begin with a literal value");
        }
        const operator = steps[0].value;
        switch (operator) {
          case "any-not-eq?":
          case "not-eq?":
          case "any-eq?":
          case "eq?":
            parseAnyPredicate(steps, index, operator, textPredicates);
            break;
          case "any-not-match?":
          case "not-match?":
          case "any-match?":
          case "match?":
            parseMatchPredicate(steps, index, operator, textPredicates);
            break;
          case "not-any-of?":
          case "any-of?":
            parseAnyOfPredicate(steps, index, operator, textPredicates);
            break;
          case "is?":
          case "is-not?":
            parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
            break;
          case "set!":
            parseSetDirective(steps, index, setProperties);
            break;
          default:
            predicates[index].push({ operator, operands: steps.slice(1) });
        }
        steps.length = 0;
      }
    }
    __name(parsePattern, "parsePattern");
    function indexForByteOffset(source, byteOffset) {
      return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
    }
    __name(indexForByteOffset, "indexForByteOffset");
    var finalizer5 = newFinalizer((address) => {
      C._ts_query_delete(address);
    });
    var Query = class {
      static {
        __name(this, "Query");
      }
      /** @internal */
      [0] = 0;
      // Internal handle for Wasm
      /** @internal */
      exceededMatchLimit;
      /** @internal */
      textPredicates;
      /** @internal */
      source;
      /** The names of the captures used in the query. */
      captureNames;
      /** The quantifiers of the captures used in the query. */
      captureQuantifiers;
      /**
       * The other user-defined predicates associated with the given index.
       *
       * This includes predicates with operators other than:
       * - `match?`
       * - `eq?` and `not-eq?`
       * - `any-of?` and `not-any-of?`
       * - `is?` and `is-not?`
       * - `set!`
       */
      predicates;
      /** The properties for predicates with the operator `set!`. */
      setProperties;
      /** The properties for predicates with the operator `is?`. */
      assertedProperties;
      /** The properties for predicates with the operator `is-not?`. */
      refutedProperties;
      /** The maximum number of in-progress matches for this cursor. */
      matchLimit;
      /**
       * Create a new query from a string containing one or more S-expression
       * patterns.
       *
       * The query is associated with a particular language, and can only be run
       * on syntax nodes parsed with that language. References to Queries can be
       * shared between multiple threads.
       *
       * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
       */
      constructor(language, source) {
        const sourceLength = C.lengthBytesUTF8(source);
        const sourceAddress = C._malloc(sourceLength + 1);
        C.stringToUTF8(source, sourceAddress, sourceLength + 1);
        const address = C._ts_query_new(
          language[0],
          sourceAddress,
          sourceLength,
          TRANSFER_BUFFER,
          TRANSFER_BUFFER + SIZE_OF_INT
        );
        if (!address) {
          const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
          const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
          const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
          const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
          const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
          C._free(sourceAddress);
          switch (errorId) {
            case QueryErrorKind.Syntax:
              throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
            case QueryErrorKind.NodeName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.FieldName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.CaptureName:
              throw new QueryError(errorId, { word }, errorIndex, word.length);
            case QueryErrorKind.PatternStructure:
              throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
          }
        }
        const stringCount = C._ts_query_string_count(address);
        const captureCount = C._ts_query_capture_count(address);
        const patternCount = C._ts_query_pattern_count(address);
        const captureNames = new Array(captureCount);
        const captureQuantifiers = new Array(patternCount);
        const stringValues = new Array(stringCount);
        for (let i2 = 0; i2 < captureCount; i2++) {
          const nameAddress = C._ts_query_capture_name_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
        }
        for (let i2 = 0; i2 < patternCount; i2++) {
          const captureQuantifiersArray = new Array(captureCount);
          for (let j = 0; j < captureCount; j++) {
            const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
            captureQuantifiersArray[j] = quantifier;
          }
          captureQuantifiers[i2] = captureQuantifiersArray;
        }
        for (let i2 = 0; i2 < stringCount; i2++) {
          const valueAddress = C._ts_query_string_value_for_id(
            address,
            i2,
            TRANSFER_BUFFER
          );
          const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
          stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
        }
        const setProperties = new Array(patternCount);
        const assertedProperties = new Array(patternCount);
        const refutedProperties = new Array(patternCount);
        const predicates = new Array(patternCount);
        const textPredicates = new Array(patternCount);
        for (let i2 = 0; i2 < patternCount; i2++) {
          const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
          const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
          predicates[i2] = [];
          textPredicates[i2] = [];
          const steps = new Array();
          let stepAddress = predicatesAddress;
          for (let j = 0; j < stepCount; j++) {
            const stepType = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            const stepValueId = C.getValue(stepAddress, "i32");
            stepAddress += SIZE_OF_INT;
            parsePattern(
              i2,
              stepType,
              stepValueId,
              captureNames,
              stringValues,
              steps,
              textPredicates,
              predicates,
              setProperties,
              assertedProperties,
              refutedProperties
            );
          }
          Object.freeze(textPredicates[i2]);
          Object.freeze(predicates[i2]);
          Object.freeze(setProperties[i2]);
          Object.freeze(assertedProperties[i2]);
          Object.freeze(refutedProperties[i2]);
        }
        C._free(sourceAddress);
        this[0] = address;
        this.captureNames = captureNames;
        this.captureQuantifiers = captureQuantifiers;
        this.textPredicates = textPredicates;
        this.source = source;
        this.predicates = predicates;
        this.setProperties = setProperties;
        this.assertedProperties = assertedProperties;
        this.refutedProperties = refutedProperties;
        this.exceededMatchLimit = false;
        finalizer5?.register(this, address, this);
      }
      /** Delete the query, freeing its resources. */
      delete() {
        finalizer5?.unregister(this);
        C._ts_query_delete(this[0]);
        this[0] = 0;
      }
      /**
       * Iterate over all of the matches in the order that they were found.
       *
       * Each match contains the index of the pattern that matched, and a list of
       * captures. Because multiple patterns can match the same set of nodes,
       * one match may contain captures that appear *before* some of the
       * captures from a previous match.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      matches(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_matches_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array(rawCount);
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        let filteredCount = 0;
        let address = startAddress;
        for (let i2 = 0; i2 < rawCount; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captures = new Array(captureCount);
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            result[filteredCount] = { patternIndex, captures };
            const setProperties = this.setProperties[patternIndex];
            result[filteredCount].setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            result[filteredCount].assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            result[filteredCount].refutedProperties = refutedProperties;
            filteredCount++;
          }
        }
        result.length = filteredCount;
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /**
       * Iterate over all of the individual captures in the order that they
       * appear.
       *
       * This is useful if you don't care about which pattern matched, and just
       * want a single, ordered sequence of captures.
       *
       * @param {Node} node - The node to execute the query on.
       *
       * @param {QueryOptions} options - Options for query execution.
       */
      captures(node, options = {}) {
        const startPosition = options.startPosition ?? ZERO_POINT;
        const endPosition = options.endPosition ?? ZERO_POINT;
        const startIndex = options.startIndex ?? 0;
        const endIndex = options.endIndex ?? 0;
        const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
        const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
        const startContainingIndex = options.startContainingIndex ?? 0;
        const endContainingIndex = options.endContainingIndex ?? 0;
        const matchLimit = options.matchLimit ?? 4294967295;
        const maxStartDepth = options.maxStartDepth ?? 4294967295;
        const progressCallback = options.progressCallback;
        if (typeof matchLimit !== "number") {
          throw new Error("Arguments must be numbers");
        }
        this.matchLimit = matchLimit;
        if (endIndex !== 0 && startIndex > endIndex) {
          throw new Error("`startIndex` cannot be greater than `endIndex`");
        }
        if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
          throw new Error("`startPosition` cannot be greater than `endPosition`");
        }
        if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
          throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
        }
        if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
          throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
        }
        if (progressCallback) {
          C.currentQueryProgressCallback = progressCallback;
        }
        marshalNode(node);
        C._ts_query_captures_wasm(
          this[0],
          node.tree[0],
          startPosition.row,
          startPosition.column,
          endPosition.row,
          endPosition.column,
          startIndex,
          endIndex,
          startContainingPosition.row,
          startContainingPosition.column,
          endContainingPosition.row,
          endContainingPosition.column,
          startContainingIndex,
          endContainingIndex,
          matchLimit,
          maxStartDepth
        );
        const count2 = C.getValue(TRANSFER_BUFFER, "i32");
        const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
        const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
        const result = new Array();
        this.exceededMatchLimit = Boolean(didExceedMatchLimit);
        const captures = new Array();
        let address = startAddress;
        for (let i2 = 0; i2 < count2; i2++) {
          const patternIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureCount = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          const captureIndex = C.getValue(address, "i32");
          address += SIZE_OF_INT;
          captures.length = captureCount;
          address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
          if (this.textPredicates[patternIndex].every((p) => p(captures))) {
            const capture = captures[captureIndex];
            const setProperties = this.setProperties[patternIndex];
            capture.setProperties = setProperties;
            const assertedProperties = this.assertedProperties[patternIndex];
            capture.assertedProperties = assertedProperties;
            const refutedProperties = this.refutedProperties[patternIndex];
            capture.refutedProperties = refutedProperties;
            result.push(capture);
          }
        }
        C._free(startAddress);
        C.currentQueryProgressCallback = null;
        return result;
      }
      /** Get the predicates for a given pattern. */
      predicatesForPattern(patternIndex) {
        return this.predicates[patternIndex];
      }
      /**
       * Disable a certain capture within a query.
       *
       * This prevents the capture from being returned in matches, and also
       * avoids any resource usage associated with recording the capture.
       */
      disableCapture(captureName) {
        const captureNameLength = C.lengthBytesUTF8(captureName);
        const captureNameAddress = C._malloc(captureNameLength + 1);
        C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
        C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
        C._free(captureNameAddress);
      }
      /**
       * Disable a certain pattern within a query.
       *
       * This prevents the pattern from matching, and also avoids any resource
       * usage associated with the pattern. This throws an error if the pattern
       * index is out of bounds.
       */
      disablePattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        C._ts_query_disable_pattern(this[0], patternIndex);
      }
      /**
       * Check if, on its last execution, this cursor exceeded its maximum number
       * of in-progress matches.
       */
      didExceedMatchLimit() {
        return this.exceededMatchLimit;
      }
      /** Get the index where the given pattern starts in the query's source. */
      startIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the index where the given pattern ends in the query's source. */
      endIndexForPattern(patternIndex) {
        if (patternIndex >= this.predicates.length) {
          throw new Error(
            `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
          );
        }
        const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
        return indexForByteOffset(this.source, byteOffset);
      }
      /** Get the number of patterns in the query. */
      patternCount() {
        return C._ts_query_pattern_count(this[0]);
      }
      /** Get the index for a given capture name. */
      captureIndexForName(captureName) {
        return this.captureNames.indexOf(captureName);
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternRooted(patternIndex) {
        return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
      }
      /** Check if a given pattern within a query has a single root node. */
      isPatternNonLocal(patternIndex) {
        return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
      }
      /**
       * Check if the step at the given index in the query's source is 'definite'.
       *
       * A query step is 'definite' if its parent pattern will be guaranteed to
       * match successfully once it reaches the step.
       */
      isPatternGuaranteedAtStep(index) {
        const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
        return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
      }
    };
    module.exports.default = module.exports;
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS2({
  "node_modules/semver/internal/constants.js"(exports2, module2) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module2.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS2({
  "node_modules/semver/internal/debug.js"(exports2, module2) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args2) => console.error("SEMVER", ...args2) : () => {
    };
    module2.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS2({
  "node_modules/semver/internal/re.js"(exports2, module2) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports2 = module2.exports = {};
    var re = exports2.re = [];
    var safeRe = exports2.safeRe = [];
    var src = exports2.src = [];
    var safeSrc = exports2.safeSrc = [];
    var t2 = exports2.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name2, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name2, index, value);
      t2[name2] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t2.NUMERICIDENTIFIER]})\\.(${src[t2.NUMERICIDENTIFIER]})\\.(${src[t2.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t2.NUMERICIDENTIFIERLOOSE]})\\.(${src[t2.NUMERICIDENTIFIERLOOSE]})\\.(${src[t2.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t2.NONNUMERICIDENTIFIER]}|${src[t2.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t2.NONNUMERICIDENTIFIER]}|${src[t2.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t2.PRERELEASEIDENTIFIER]}(?:\\.${src[t2.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t2.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t2.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t2.BUILDIDENTIFIER]}(?:\\.${src[t2.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t2.MAINVERSION]}${src[t2.PRERELEASE]}?${src[t2.BUILD]}?`);
    createToken("FULL", `^${src[t2.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t2.MAINVERSIONLOOSE]}${src[t2.PRERELEASELOOSE]}?${src[t2.BUILD]}?`);
    createToken("LOOSE", `^${src[t2.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t2.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t2.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t2.XRANGEIDENTIFIER]})(?:\\.(${src[t2.XRANGEIDENTIFIER]})(?:\\.(${src[t2.XRANGEIDENTIFIER]})(?:${src[t2.PRERELEASE]})?${src[t2.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t2.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t2.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t2.XRANGEIDENTIFIERLOOSE]})(?:${src[t2.PRERELEASELOOSE]})?${src[t2.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t2.GTLT]}\\s*${src[t2.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t2.GTLT]}\\s*${src[t2.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t2.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t2.COERCEPLAIN] + `(?:${src[t2.PRERELEASE]})?(?:${src[t2.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t2.COERCE], true);
    createToken("COERCERTLFULL", src[t2.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t2.LONETILDE]}\\s+`, true);
    exports2.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t2.LONETILDE]}${src[t2.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t2.LONETILDE]}${src[t2.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t2.LONECARET]}\\s+`, true);
    exports2.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t2.LONECARET]}${src[t2.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t2.LONECARET]}${src[t2.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t2.GTLT]}\\s*(${src[t2.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t2.GTLT]}\\s*(${src[t2.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t2.GTLT]}\\s*(${src[t2.LOOSEPLAIN]}|${src[t2.XRANGEPLAIN]})`, true);
    exports2.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t2.XRANGEPLAIN]})\\s+-\\s+(${src[t2.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t2.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t2.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS2({
  "node_modules/semver/internal/parse-options.js"(exports2, module2) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module2.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS2({
  "node_modules/semver/internal/identifiers.js"(exports2, module2) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module2.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS2({
  "node_modules/semver/classes/semver.js"(exports2, module2) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t: t2 } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i2 = 0; i2 < identifiers.length; i2++) {
        if (compareIdentifiers(prerelease[i2], identifiers[i2]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t2.LOOSE] : re[t2.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i2 = 0;
        do {
          const a = this.prerelease[i2];
          const b = other.prerelease[i2];
          debug("prerelease compare", i2, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i2);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i2 = 0;
        do {
          const a = this.build[i2];
          const b = other.build[i2];
          debug("build compare", i2, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i2);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t2.PRERELEASELOOSE] : re[t2.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i2 = this.prerelease.length;
              while (--i2 >= 0) {
                if (typeof this.prerelease[i2] === "number") {
                  this.prerelease[i2]++;
                  i2 = -2;
                }
              }
              if (i2 === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module2.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS2({
  "node_modules/semver/functions/parse.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var parse3 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module2.exports = parse3;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS2({
  "node_modules/semver/functions/valid.js"(exports2, module2) {
    "use strict";
    var parse3 = require_parse();
    var valid = (version, options) => {
      const v = parse3(version, options);
      return v ? v.version : null;
    };
    module2.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS2({
  "node_modules/semver/functions/clean.js"(exports2, module2) {
    "use strict";
    var parse3 = require_parse();
    var clean = (version, options) => {
      const s = parse3(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module2.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS2({
  "node_modules/semver/functions/inc.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module2.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS2({
  "node_modules/semver/functions/diff.js"(exports2, module2) {
    "use strict";
    var parse3 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse3(version1, null, true);
      const v2 = parse3(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module2.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS2({
  "node_modules/semver/functions/major.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module2.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS2({
  "node_modules/semver/functions/minor.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module2.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS2({
  "node_modules/semver/functions/patch.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module2.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS2({
  "node_modules/semver/functions/prerelease.js"(exports2, module2) {
    "use strict";
    var parse3 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse3(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module2.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS2({
  "node_modules/semver/functions/compare.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var compare3 = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module2.exports = compare3;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS2({
  "node_modules/semver/functions/rcompare.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var rcompare = (a, b, loose) => compare3(b, a, loose);
    module2.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS2({
  "node_modules/semver/functions/compare-loose.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var compareLoose = (a, b) => compare3(a, b, true);
    module2.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS2({
  "node_modules/semver/functions/compare-build.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module2.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS2({
  "node_modules/semver/functions/sort.js"(exports2, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module2.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS2({
  "node_modules/semver/functions/rsort.js"(exports2, module2) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module2.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS2({
  "node_modules/semver/functions/gt.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var gt = (a, b, loose) => compare3(a, b, loose) > 0;
    module2.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS2({
  "node_modules/semver/functions/lt.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var lt = (a, b, loose) => compare3(a, b, loose) < 0;
    module2.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS2({
  "node_modules/semver/functions/eq.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var eq = (a, b, loose) => compare3(a, b, loose) === 0;
    module2.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS2({
  "node_modules/semver/functions/neq.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var neq = (a, b, loose) => compare3(a, b, loose) !== 0;
    module2.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS2({
  "node_modules/semver/functions/gte.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var gte = (a, b, loose) => compare3(a, b, loose) >= 0;
    module2.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS2({
  "node_modules/semver/functions/lte.js"(exports2, module2) {
    "use strict";
    var compare3 = require_compare();
    var lte = (a, b, loose) => compare3(a, b, loose) <= 0;
    module2.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS2({
  "node_modules/semver/functions/cmp.js"(exports2, module2) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp4 = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module2.exports = cmp4;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS2({
  "node_modules/semver/functions/coerce.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var parse3 = require_parse();
    var { safeRe: re, t: t2 } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t2.COERCEFULL] : re[t2.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t2.COERCERTLFULL] : re[t2.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse3(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module2.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS2({
  "node_modules/semver/functions/truncate.js"(exports2, module2) {
    "use strict";
    var parse3 = require_parse();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants2.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse3(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module2.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS2({
  "node_modules/semver/internal/lrucache.js"(exports2, module2) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module2.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS2({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports2, module2) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit3 = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit3(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit3(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start2, limit, digitRuns) => {
      if (!isDigit3(range[start2])) {
        return start2;
      }
      if (start2 >= digitRuns.start && start2 < digitRuns.end) {
        return Math.min(start2 + limit, digitRuns.end);
      }
      if (start2 >= digitRuns.previousStart && start2 < digitRuns.previousEnd) {
        return Math.min(start2 + limit, digitRuns.previousEnd);
      }
      let end = start2 + 1;
      while (isDigit3(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start2;
      digitRuns.end = end;
      return Math.min(start2 + limit, end);
    };
    var findVersionNumberEndIndex = (range, start2, loose, digitRuns) => {
      if (!loose && range[start2] === "0") {
        return start2 + 1;
      }
      return findDigitsEndIndex(range, start2, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start2, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start2, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start2, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start2, loose, digitRuns) => {
      const hyphen = range[start2] === "-";
      if (!loose && !hyphen) {
        return start2;
      }
      const identifierStart = start2 + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start2;
        }
        end = findPrereleaseIdentifierEndIndex(range, start2, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start2) => {
      let end = start2;
      while (end - start2 < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start2) => {
      if (range[start2] !== "+") {
        return start2;
      }
      let end = findBuildIdentifierEndIndex(range, start2 + 1);
      if (end === start2 + 1) {
        return start2;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start2, digitRuns) => {
      let end = start2;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start2;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start2;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start2, digitRuns) => {
      if (isDigit3(range[start2])) {
        return findVersionNumberEndIndex(range, start2, false, digitRuns);
      }
      return isVersionStart(range[start2]) ? start2 + 1 : start2;
    };
    var findPartialVersionEndIndex = (range, start2, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start2, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start2, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start2, digitRuns);
      return fullVersionEnd !== start2 ? fullVersionEnd : findPartialVersionEndIndex(range, start2, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module2.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS2({
  "node_modules/semver/classes/range.js"(exports2, module2) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i2 = 0; i2 < this.set.length; i2++) {
            if (i2 > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i2];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache2.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t2.HYPHENRANGELOOSE] : re[t2.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t2.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t2.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t2.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache2.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i2 = 0; i2 < this.set.length; i2++) {
          if (testSet(this.set[i2], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module2.exports = Range;
    var LRU = require_lrucache();
    var cache2 = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t: t2,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t2.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t2.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t2.TILDELOOSE] : re[t2.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t2.CARETLOOSE] : re[t2.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t2.XRANGELOOSE] : re[t2.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t2.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t2.GTE0PRE : t2.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i2 = 0; i2 < set.length; i2++) {
        if (!set[i2].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i2 = 0; i2 < set.length; i2++) {
          debug(set[i2].semver);
          if (set[i2].semver === Comparator.ANY) {
            continue;
          }
          if (set[i2].semver.prerelease.length > 0) {
            const allowed = set[i2].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS2({
  "node_modules/semver/classes/comparator.js"(exports2, module2) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t2.COMPARATORLOOSE] : re[t2.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp4(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp4(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp4(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module2.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t: t2 } = require_re();
    var cmp4 = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS2({
  "node_modules/semver/functions/satisfies.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module2.exports = satisfies;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS2({
  "node_modules/semver/ranges/to-comparators.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module2.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS2({
  "node_modules/semver/ranges/max-satisfying.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module2.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS2({
  "node_modules/semver/ranges/min-satisfying.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module2.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS2({
  "node_modules/semver/ranges/min-version.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i2 = 0; i2 < range.set.length; ++i2) {
        const comparators = range.set[i2];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module2.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS2({
  "node_modules/semver/ranges/valid.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module2.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS2({
  "node_modules/semver/ranges/outside.js"(exports2, module2) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i2 = 0; i2 < range.set.length; ++i2) {
        const comparators = range.set[i2];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module2.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS2({
  "node_modules/semver/ranges/gtr.js"(exports2, module2) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module2.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS2({
  "node_modules/semver/ranges/ltr.js"(exports2, module2) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module2.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS2({
  "node_modules/semver/ranges/intersects.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module2.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS2({
  "node_modules/semver/ranges/simplify.js"(exports2, module2) {
    "use strict";
    var satisfies = require_satisfies();
    var compare3 = require_compare();
    module2.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare3(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS2({
  "node_modules/semver/ranges/subset.js"(exports2, module2) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare3 = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare3(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare3(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare3(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module2.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS2({
  "node_modules/semver/index.js"(exports2, module2) {
    "use strict";
    var internalRe = require_re();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse3 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare3 = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp4 = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module2.exports = {
      parse: parse3,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare: compare3,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp: cmp4,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants2.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants2.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/core/version.ts
var TOOL_NAME = "ffi-surface-guard";
var TOOL_VERSION = "0.1.0";

// src/adapters/git.ts
var import_node_child_process = require("node:child_process");
var GitError = class extends Error {
};
function runGit(cwd, args2, input) {
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)("git", args2, {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }
    });
    const out2 = [];
    const err2 = [];
    child.stdout.on("data", (d) => out2.push(d));
    child.stderr.on("data", (d) => err2.push(d));
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.stdin.on("error", () => void 0);
    child.on(
      "close",
      (code) => resolve({ stdout: Buffer.concat(out2), stderr: Buffer.concat(err2).toString("utf8"), code: code ?? 1 })
    );
    child.stdin.end(input ?? "");
  });
}
async function git(cwd, args2) {
  const r = await runGit(cwd, args2);
  if (r.code !== 0)
    throw new GitError(`git ${args2[0]} failed: ${r.stderr.trim().split("\n")[0] || `exit ${r.code}`}`);
  return r.stdout.toString("utf8");
}
var BlobReader = class {
  child;
  buffer = Buffer.alloc(0);
  waiting = [];
  failed = null;
  constructor(cwd) {
    this.child = (0, import_node_child_process.spawn)("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (d) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
      this.drain();
    });
    const fail = (e) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.child.on("error", (e) => fail(new GitError(`cannot run git cat-file: ${e.message}`)));
    this.child.on("close", () => fail(new GitError("git cat-file ended")));
    this.child.stdin.on("error", () => void 0);
  }
  drain() {
    while (this.waiting.length) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString("utf8");
      if (header.endsWith(" missing")) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.waiting.shift().resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      const body2 = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.waiting.shift().resolve(body2);
    }
  }
  read(oid) {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.child.stdin.write(oid + "\n");
    });
  }
  close() {
    this.child.removeAllListeners("close");
    this.child.stdin.end();
    this.child.kill();
  }
};

// src/adapters/open-tree.ts
var import_node_fs2 = require("node:fs");

// src/adapters/file-system-tree.ts
var fsSync = __toESM2(require("node:fs"));
var import_node_fs = require("node:fs");
var path = __toESM2(require("node:path"));

// src/core/source-tree.ts
function decodeText(buf) {
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: "binary", detail: "contains NUL bytes" };
  try {
    const text2 = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return { ok: true, text: text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2, bytes: buf.length };
  } catch {
    const text2 = new TextDecoder("utf-8", { fatal: false }).decode(buf);
    return { ok: false, reason: "invalid-utf8", detail: "is not valid UTF-8", text: text2 };
  }
}

// src/adapters/file-system-tree.ts
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "target", "node_modules"]);
var FileSystemTree = class _FileSystemTree {
  constructor(root) {
    this.root = root;
  }
  root;
  label = "working tree";
  /** Where each directory looked at really is (cached: a tree is read once). */
  dirState = /* @__PURE__ */ new Map();
  listings = /* @__PURE__ */ new Map();
  static async open(root) {
    return new _FileSystemTree(await import_node_fs.promises.realpath(root));
  }
  abs(rel) {
    if (rel.startsWith("/") || rel.split("/").includes("..")) return null;
    return path.join(this.root, rel);
  }
  inside(real) {
    return real === this.root || real.startsWith(this.root + path.sep);
  }
  /** The real path of `rel` if it stays inside the root, else null. */
  async contained(rel) {
    const abs = this.abs(rel);
    if (!abs) return null;
    try {
      const real = await import_node_fs.promises.realpath(abs);
      return this.inside(real) ? real : null;
    } catch {
      return null;
    }
  }
  /**
   * Where the directory holding `rel` really is: a symlinked directory on the way
   * (`src/sub -> /etc`) must not let `src/sub/passwd` through. Cached per directory.
   */
  parentState(rel) {
    const slash = rel.lastIndexOf("/");
    if (slash < 0) return "inside";
    const dir = rel.slice(0, slash);
    let state = this.dirState.get(dir);
    if (!state) {
      try {
        state = this.inside(fsSync.realpathSync(path.join(this.root, dir))) ? "inside" : "outside";
      } catch {
        state = "missing";
      }
      this.dirState.set(dir, state);
    }
    return state;
  }
  /** The real path of a symbolic link if it stays inside the root, else null. */
  containedSync(abs) {
    try {
      const real = fsSync.realpathSync(abs);
      return this.inside(real) ? real : null;
    } catch {
      return null;
    }
  }
  /** The entries of a directory inside the root, by name (one `readdir` instead of a stat per file). */
  listing(dir) {
    let m = this.listings.get(dir);
    if (!m) {
      m = /* @__PURE__ */ new Map();
      try {
        for (const e of fsSync.readdirSync(dir ? path.join(this.root, dir) : this.root, {
          withFileTypes: true
        }))
          m.set(e.name, e);
      } catch {
      }
      this.listings.set(dir, m);
    }
    return m;
  }
  // stat and read use synchronous calls: the engine reads thousands of small files one after the
  // other, and a thread-pool round trip per call costs more than the call itself.
  async stat(rel) {
    const abs = this.abs(rel);
    if (!abs) return "missing";
    if (rel === "") return "dir";
    const parent = this.parentState(rel);
    if (parent !== "inside") return parent === "outside" ? "symlink" : "missing";
    const slash = rel.lastIndexOf("/");
    const e = this.listing(slash < 0 ? "" : rel.slice(0, slash)).get(rel.slice(slash + 1));
    if (!e) return "missing";
    if (e.isSymbolicLink()) {
      const real = this.containedSync(abs);
      if (!real) return "symlink";
      try {
        const t2 = fsSync.statSync(real);
        return t2.isFile() ? "file" : t2.isDirectory() ? "dir" : "missing";
      } catch {
        return "missing";
      }
    }
    return e.isFile() ? "file" : e.isDirectory() ? "dir" : "missing";
  }
  async read(rel, maxBytes) {
    const abs = this.abs(rel);
    if (!abs) return { ok: false, reason: "outside", detail: "is outside the analysed root" };
    const parent = this.parentState(rel);
    if (parent === "missing") return { ok: false, reason: "missing", detail: "does not exist" };
    if (parent === "outside")
      return {
        ok: false,
        reason: "outside",
        detail: "is reached through a symbolic link that leads outside the repository; not followed"
      };
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fsSync.constants;
    let fd = null;
    try {
      try {
        fd = fsSync.openSync(abs, O_RDONLY | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0));
      } catch (e) {
        const code = e.code;
        if (code === "ENOENT" || code === "ENOTDIR")
          return { ok: false, reason: "missing", detail: "does not exist" };
        if (code !== "ELOOP" && code !== "EMLINK" && O_NOFOLLOW !== void 0) throw e;
      }
      if (fd === null || O_NOFOLLOW === void 0) {
        if (fd !== null && !fsSync.lstatSync(abs).isSymbolicLink()) {
        } else {
          if (fd !== null) fsSync.closeSync(fd);
          fd = null;
          const real = this.containedSync(abs);
          if (!real)
            return {
              ok: false,
              reason: "outside",
              detail: "is a symbolic link that leads outside the repository; not followed"
            };
          fd = fsSync.openSync(real, O_RDONLY | (O_NONBLOCK ?? 0));
        }
      }
      const st = fsSync.fstatSync(fd);
      if (!st.isFile()) return { ok: false, reason: "error", detail: "is not a regular file" };
      if (st.size > maxBytes)
        return { ok: false, reason: "too-large", detail: `is ${st.size} bytes (limit ${maxBytes})` };
      const buf = Buffer.allocUnsafe(st.size);
      let got = 0;
      while (got < st.size) {
        const n = fsSync.readSync(fd, buf, got, st.size - got, got);
        if (n === 0) break;
        got += n;
      }
      return decodeText(buf.subarray(0, got));
    } catch (e) {
      return {
        ok: false,
        reason: "error",
        detail: `could not be read (${e.code ?? "error"})`
      };
    } finally {
      if (fd !== null) fsSync.closeSync(fd);
    }
  }
  async list(dir) {
    const abs = dir === "" ? this.root : await this.contained(dir);
    if (!abs) return [];
    try {
      const entries = await import_node_fs.promises.readdir(abs, { withFileTypes: true });
      const out2 = [];
      for (const e of entries) {
        const type = e.isSymbolicLink() ? await this.stat(dir ? `${dir}/${e.name}` : e.name) : e.isDirectory() ? "dir" : e.isFile() ? "file" : "missing";
        out2.push({ name: e.name, type });
      }
      return out2.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    } catch {
      return [];
    }
  }
  async listAll(max) {
    const paths = [];
    const stack = [""];
    while (stack.length) {
      const dir = stack.pop();
      let entries;
      try {
        entries = await import_node_fs.promises.readdir(dir ? path.join(this.root, dir) : this.root, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) stack.push(rel);
        } else if (e.isFile()) {
          if (paths.length >= max) return { paths: paths.sort(), truncated: true };
          paths.push(rel);
        }
      }
    }
    return { paths: paths.sort(), truncated: false };
  }
};

// src/adapters/git-revision-tree.ts
var GitRevisionTree = class _GitRevisionTree {
  constructor(label, entries, reader) {
    this.label = label;
    this.entries = entries;
    this.reader = reader;
    this.dirs.set("", /* @__PURE__ */ new Map());
    for (const [p, e] of entries) {
      const parts3 = p.split("/");
      for (let i2 = 0; i2 < parts3.length; i2++) {
        const dir = parts3.slice(0, i2).join("/");
        const m = this.dirs.get(dir) ?? /* @__PURE__ */ new Map();
        this.dirs.set(dir, m);
        m.set(parts3[i2], i2 === parts3.length - 1 ? e.mode === "120000" ? "symlink" : "file" : "dir");
      }
    }
  }
  label;
  entries;
  reader;
  dirs = /* @__PURE__ */ new Map();
  /**
   * Opens `rev` of the repository that contains `dir`; paths are relative to `dir` inside it.
   * Throws GitError with a clear message when the revision is not in the object database.
   */
  static async open(dir, rev) {
    const top = (await git(dir, ["rev-parse", "--show-toplevel"])).trim();
    const prefix = (await git(dir, ["rev-parse", "--show-prefix"])).trim().replace(/\/$/, "");
    const r = await runGit(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
    if (r.code !== 0) {
      const shallow = (await git(dir, ["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
      throw new GitError(
        `revision ${JSON.stringify(rev)} is not in this repository${shallow ? " (it is a shallow clone: fetch the base, or use actions/checkout with fetch-depth: 0)" : ""}`
      );
    }
    const sha = r.stdout.toString("utf8").trim();
    const args2 = ["ls-tree", "-r", "-l", "-z", "--full-tree", sha];
    if (prefix) args2.push("--", prefix);
    const out2 = await git(top, args2);
    const entries = /* @__PURE__ */ new Map();
    for (const rec of out2.split("\0")) {
      if (!rec) continue;
      const tab = rec.indexOf("	");
      const [mode, type, oid, size] = rec.slice(0, tab).split(/ +/);
      const full = rec.slice(tab + 1);
      if (type !== "blob") continue;
      const rel = prefix ? full.slice(prefix.length + 1) : full;
      entries.set(rel, { mode, oid, size: Number(size) });
    }
    return new _GitRevisionTree(sha, entries, new BlobReader(top));
  }
  close() {
    this.reader.close();
  }
  async stat(path3) {
    const e = this.entries.get(path3);
    if (e) {
      if (e.mode !== "120000") return "file";
      const target = await this.linkTarget(path3, 0);
      return target ? "file" : "symlink";
    }
    return this.dirs.has(path3) ? "dir" : "missing";
  }
  /** Resolves a symlink blob to a regular file inside the root, or null. */
  async linkTarget(path3, depth) {
    const e = this.entries.get(path3);
    if (!e) return null;
    if (e.mode !== "120000") return path3;
    if (depth > 8) return null;
    const buf = await this.reader.read(e.oid);
    if (!buf) return null;
    const target = buf.toString("utf8");
    if (target.startsWith("/")) return null;
    const parts3 = path3.split("/").slice(0, -1);
    for (const seg of target.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") {
        if (!parts3.length) return null;
        parts3.pop();
      } else parts3.push(seg);
    }
    return this.linkTarget(parts3.join("/"), depth + 1);
  }
  async read(path3, maxBytes) {
    let e = this.entries.get(path3);
    if (!e) return { ok: false, reason: "missing", detail: "does not exist" };
    if (e.mode === "120000") {
      const target = await this.linkTarget(path3, 0);
      if (!target)
        return {
          ok: false,
          reason: "outside",
          detail: "is a symbolic link that leads outside the repository; not followed"
        };
      e = this.entries.get(target);
    }
    if (e.mode === "160000") return { ok: false, reason: "error", detail: "is a submodule" };
    if (e.size > maxBytes)
      return { ok: false, reason: "too-large", detail: `is ${e.size} bytes (limit ${maxBytes})` };
    const buf = await this.reader.read(e.oid);
    if (!buf) return { ok: false, reason: "missing", detail: "is missing from the object database" };
    return decodeText(buf);
  }
  async list(dir) {
    const m = this.dirs.get(dir);
    if (!m) return [];
    return [...m.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([name2, type]) => ({ name: name2, type }));
  }
  async listAll(max) {
    const all = [...this.entries.keys()].filter((p) => !/(^|\/)(target|node_modules)\//.test(p)).sort();
    return { paths: all.slice(0, max), truncated: all.length > max };
  }
  /** Paths whose blob differs between two trees (added, removed or changed). */
  changedPaths(other) {
    const out2 = /* @__PURE__ */ new Set();
    for (const [p, e] of this.entries) if (other.entries.get(p)?.oid !== e.oid) out2.add(p);
    for (const p of other.entries.keys()) if (!this.entries.has(p)) out2.add(p);
    return out2;
  }
};

// src/adapters/open-tree.ts
var InputError = class extends Error {
};
async function openTree(root, rev) {
  try {
    const st = await import_node_fs2.promises.stat(root);
    if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--root ${root} does not exist`);
  }
  if (rev === void 0) return FileSystemTree.open(root);
  return GitRevisionTree.open(root, rev);
}

// src/cli/arguments.ts
var UsageError = class extends Error {
};
var VALUE_FLAGS = /* @__PURE__ */ new Set([
  "--root",
  "--rev",
  "--base",
  "--head",
  "--features",
  "--format",
  "--fail-on",
  "--config",
  "--output"
]);
var BOOL_FLAGS = /* @__PURE__ */ new Set(["--all-features", "--no-default-features", "--findings", "--help", "--version"]);
function parseArgs(argv) {
  const [command, ...rest] = argv;
  const flags2 = /* @__PURE__ */ new Map();
  for (let i2 = 0; i2 < rest.length; i2++) {
    let a = rest[i2];
    let value;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (VALUE_FLAGS.has(a)) {
      if (value === void 0) {
        value = rest[++i2];
        if (value === void 0) throw new UsageError(`${a} needs a value`);
      }
      flags2.set(a, value);
    } else if (BOOL_FLAGS.has(a) && value === void 0) {
      flags2.set(a, true);
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(rest[i2])} for ${command ?? "ffi-surface-guard"}`);
    }
  }
  return { command: command ?? "", flags: flags2 };
}
function stringFlag(args2, name2) {
  const v = args2.flags.get(name2);
  return typeof v === "string" ? v : void 0;
}
function featureSelection(args2) {
  const list = (stringFlag(args2, "--features") ?? "").split(/[ ,]+/).map((s) => s.trim()).filter(Boolean);
  const all = args2.flags.has("--all-features");
  const none = args2.flags.has("--no-default-features");
  if (all && none) throw new UsageError("--all-features and --no-default-features cannot be used together");
  if (all) return { mode: "all" };
  return none ? { mode: "none", features: list } : { mode: "default", features: list };
}
function formatFlag(args2, allowed, fallback) {
  const f = stringFlag(args2, "--format") ?? fallback;
  if (!allowed.includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(", ")} (got ${JSON.stringify(f)})`);
  return f;
}

// src/app/analyse-diff.ts
var import_node_fs3 = require("node:fs");

// src/core/limits.ts
var DEFAULT_LIMITS = {
  maxFileBytes: 4 * 1024 * 1024,
  maxFilesPerCrate: 2e4,
  maxCrates: 1e3,
  maxModuleDepth: 64,
  maxMacroDepth: 8,
  maxExpansions: 1e4,
  maxListedFiles: 2e5
};

// src/core/model.ts
var SCHEMA_VERSION = 1;
function itemKey(item) {
  switch (item.kind) {
    case "function":
    case "static":
      return `symbol:${item.symbol}`;
    case "import":
      return `import:${item.symbol}`;
    case "struct":
    case "union":
    case "enum":
    case "type":
      return `type:${item.name}`;
    case "const":
      return `const:${item.name}`;
  }
}
function displayName(item) {
  return item.kind === "function" || item.kind === "static" || item.kind === "import" ? item.symbol : item.name;
}

// src/core/digest.ts
var import_node_crypto = require("node:crypto");
function canonicalItem(item) {
  switch (item.kind) {
    case "function":
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        unsafe: item.unsafe,
        params: item.params,
        variadic: item.variadic,
        returns: item.returns
      };
    case "static":
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        type: item.type,
        mutable: item.mutable
      };
    case "struct":
    case "union":
      return {
        kind: item.kind,
        name: item.name,
        cfg: item.cfg,
        repr: item.repr,
        fields: item.fields,
        tuple: item.tuple
      };
    case "enum":
      return {
        kind: item.kind,
        name: item.name,
        cfg: item.cfg,
        repr: item.repr,
        nonExhaustive: item.nonExhaustive,
        variants: item.variants.map((v) => ({
          name: v.name,
          value: v.value ?? v.discriminant,
          fields: v.fields ?? null
        }))
      };
    case "type":
      return { kind: item.kind, name: item.name, cfg: item.cfg, target: item.target };
    case "const":
      return { kind: item.kind, name: item.name, cfg: item.cfg, type: item.type, value: item.value };
    case "import":
      return {
        kind: item.kind,
        symbol: item.symbol,
        name: item.name,
        cfg: item.cfg,
        abi: item.abi,
        what: item.what,
        params: item.params ?? null,
        returns: item.returns ?? null,
        variadic: item.variadic ?? false,
        type: item.type ?? null,
        mutable: item.mutable ?? false
      };
  }
}
function stableStringify(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).filter((k) => o[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(",")}}`;
}
function sha256(text2) {
  return "sha256:" + (0, import_node_crypto.createHash)("sha256").update(text2).digest("hex");
}
function sortKey(item) {
  return `${itemKey(item)}\0${item.cfg ?? ""}`;
}
function sortItems(items) {
  return [...items].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
function surfaceDigest(crates) {
  const canon = [...crates].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((c) => ({ crate: c.name, items: sortItems(c.items).map(canonicalItem) }));
  return sha256(stableStringify(canon));
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i2 = line - 1; i2 <= line + 1; i2++) {
    let l = lines[i2 - 1];
    if (!l)
      continue;
    codeblock += i2.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i2 === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex2 = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex2 >= 48 && hex2 <= 57 ? hex2 - 48 : (
              /* A-F */
              hex2 >= 65 && hex2 <= 70 ? hex2 - 65 + 10 : (
                /* a-f */
                hex2 >= 97 && hex2 <= 102 ? hex2 - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t3 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t3, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t3 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t3, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t3 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t3, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t2 = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t2, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start2 = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t2 = ctx.s.slice(start2, ctx.p);
  return readDate(ctx, t2, 4, false, start2);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t2 = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i2 = 0; i2 < key.length; i2++) {
      if (i2)
        t2 = hasOwn ? t2[k] : t2[k] = /* @__PURE__ */ Object.create(null);
      k = key[i2];
      if ((hasOwn = Object.hasOwn(t2, k)) && (typeof t2[k] !== "object" || seen.has(t2[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t2 = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t2, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t2 && typeof (t2[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t2 = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i2 = 0; i2 < key.length; i2++) {
    if (i2) {
      t2 = hasOwn ? t2[k] : t2[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t2.length - 1;
        t2 = t2[l];
        m = m[l].c;
      }
    }
    k = key[i2];
    if ((hasOwn = Object.hasOwn(t2, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t2, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i2 < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t2[k] = [];
    }
    t2[k].push(t2 = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t2 = hasOwn ? t2[k] : t2[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t2, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/core/rust/lexer.ts
var PUNCT3 = ["<<=", ">>=", "...", "..="];
var PUNCT2 = [
  "::",
  "->",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "^=",
  "&=",
  "|=",
  "<<",
  ">>",
  ".."
];
function isIdentStart(c) {
  const x = c.charCodeAt(0);
  return x >= 97 && x <= 122 || x >= 65 && x <= 90 || x === 95 || x > 127;
}
function isIdentChar(c) {
  const x = c.charCodeAt(0);
  return x >= 97 && x <= 122 || x >= 65 && x <= 90 || x >= 48 && x <= 57 || x === 95 || x > 127;
}
function isDigit2(c) {
  const x = c === void 0 ? -1 : c.charCodeAt(0);
  return x >= 48 && x <= 57;
}
function isNumberChar(c) {
  const x = c.charCodeAt(0);
  return x >= 97 && x <= 122 || x >= 65 && x <= 90 || x >= 48 && x <= 57 || x === 95;
}
var RAW_STRING = /(?:b|c)?r(#*)"/y;
function lex(text2, maxTokens = 1e6) {
  const out2 = [];
  const n = text2.length;
  let i2 = 0;
  while (i2 < n && out2.length < maxTokens) {
    const c = text2[i2];
    if (c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f" || c === "\v") {
      i2++;
      continue;
    }
    if (c === "/" && text2[i2 + 1] === "/") {
      const nl = text2.indexOf("\n", i2);
      i2 = nl < 0 ? n : nl;
      continue;
    }
    if (c === "/" && text2[i2 + 1] === "*") {
      let depth = 1;
      i2 += 2;
      while (i2 < n && depth > 0) {
        if (text2[i2] === "/" && text2[i2 + 1] === "*") {
          depth++;
          i2 += 2;
        } else if (text2[i2] === "*" && text2[i2 + 1] === "/") {
          depth--;
          i2 += 2;
        } else i2++;
      }
      continue;
    }
    const start2 = i2;
    let raw = null;
    if (c === "r" || c === "b" || c === "c") {
      RAW_STRING.lastIndex = i2;
      raw = RAW_STRING.exec(text2);
    }
    if (raw) {
      const hashes = raw[1];
      i2 += raw[0].length;
      const close = '"' + hashes;
      const j = text2.indexOf(close, i2);
      i2 = j < 0 ? n : j + close.length;
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === '"' || (c === "b" || c === "c") && text2[i2 + 1] === '"') {
      i2 += c === '"' ? 1 : 2;
      while (i2 < n && text2[i2] !== '"') i2 += text2[i2] === "\\" ? 2 : 1;
      i2 = Math.min(n, i2 + 1);
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "'" || c === "b" && text2[i2 + 1] === "'") {
      const j = c === "b" ? i2 + 2 : i2 + 1;
      if (c === "'" && isIdentStart(text2[j] ?? "") && text2[j + 1] !== "'") {
        let k2 = j + 1;
        while (k2 < n && isIdentChar(text2[k2])) k2++;
        if (text2[k2] !== "'") {
          out2.push({ kind: "lifetime", text: text2.slice(start2, k2), start: start2, end: k2 });
          i2 = k2;
          continue;
        }
      }
      let k = j;
      while (k < n && text2[k] !== "'" && text2[k] !== "\n") k += text2[k] === "\\" ? 2 : 1;
      i2 = Math.min(n, k + 1);
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (isDigit2(c)) {
      let k = i2 + 1;
      while (k < n && (isNumberChar(text2[k]) || text2[k] === ".")) {
        if (text2[k] === "." && (text2[k + 1] === "." || !isDigit2(text2[k + 1]))) break;
        k++;
      }
      i2 = k;
      out2.push({ kind: "literal", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "r" && text2[i2 + 1] === "#" && isIdentStart(text2[i2 + 2] ?? "")) {
      let k = i2 + 2;
      while (k < n && isIdentChar(text2[k])) k++;
      i2 = k;
      out2.push({ kind: "ident", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (isIdentStart(c)) {
      let k = i2 + 1;
      while (k < n && isIdentChar(text2[k])) k++;
      i2 = k;
      out2.push({ kind: "ident", text: text2.slice(start2, i2), start: start2, end: i2 });
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      out2.push({ kind: "open", text: c, start: start2, end: i2 + 1 });
      i2++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      out2.push({ kind: "close", text: c, start: start2, end: i2 + 1 });
      i2++;
      continue;
    }
    const three = text2.slice(i2, i2 + 3);
    const two = text2.slice(i2, i2 + 2);
    const p = PUNCT3.includes(three) ? three : PUNCT2.includes(two) ? two : c;
    out2.push({ kind: "punct", text: p, start: start2, end: i2 + p.length });
    i2 += p.length;
  }
  return out2;
}
var CLOSER = { "(": ")", "[": "]", "{": "}" };
function skipTree(tokens, i2) {
  if (tokens[i2]?.kind !== "open") return i2 + 1;
  let depth = 0;
  for (let k = i2; k < tokens.length; k++) {
    if (tokens[k].kind === "open") depth++;
    else if (tokens[k].kind === "close") {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return tokens.length;
}

// src/core/rust/cfg.ts
function parseCfg(text2) {
  const tokens = lex(text2, 1e4);
  const state = { i: 0 };
  const pred = parsePred(tokens, state, 0);
  if (!pred || state.i !== tokens.length) return null;
  return pred;
}
function unquote(lit) {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(lit);
  return m ? m[1].replace(/\\(.)/g, "$1") : lit;
}
function parsePred(t2, s, depth) {
  if (depth > 64) return null;
  const tok = t2[s.i];
  if (!tok || tok.kind !== "ident") return null;
  s.i++;
  const name2 = tok.text;
  if ((name2 === "all" || name2 === "any" || name2 === "not") && t2[s.i]?.text === "(") {
    s.i++;
    const args2 = [];
    while (t2[s.i] && t2[s.i].text !== ")") {
      const a = parsePred(t2, s, depth + 1);
      if (!a) return null;
      args2.push(a);
      if (t2[s.i]?.text === ",") s.i++;
      else break;
    }
    if (t2[s.i]?.text !== ")") return null;
    s.i++;
    if (name2 === "not") return args2.length === 1 ? { op: "not", arg: args2[0] } : null;
    return { op: name2, args: args2 };
  }
  if (t2[s.i]?.text === "=") {
    s.i++;
    const v = t2[s.i];
    if (!v || v.kind !== "literal") return null;
    s.i++;
    return { op: "kv", key: name2, value: unquote(v.text) };
  }
  return { op: "name", name: name2 };
}
function renderCfg(p) {
  switch (p.op) {
    case "all":
    case "any":
      return `${p.op}(${p.args.map(renderCfg).join(", ")})`;
    case "not":
      return `not(${renderCfg(p.arg)})`;
    case "name":
      return p.name;
    case "kv":
      return `${p.key} = ${JSON.stringify(p.value)}`;
  }
}
function evalCfg(p, env) {
  switch (p.op) {
    case "all": {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === false) return false;
        if (v === null) unknown = true;
      }
      return unknown ? null : true;
    }
    case "any": {
      let unknown = false;
      for (const a of p.args) {
        const v = evalCfg(a, env);
        if (v === true) return true;
        if (v === null) unknown = true;
      }
      return unknown ? null : false;
    }
    case "not": {
      const v = evalCfg(p.arg, env);
      return v === null ? null : !v;
    }
    case "name": {
      if (p.name === "test" || p.name === "doc" || p.name === "doctest" || p.name === "miri") return false;
      if (p.name === "debug_assertions") return true;
      const known = env.platform?.[p.name];
      return known === void 0 ? null : known;
    }
    case "kv": {
      if (p.key === "feature") return env.features.has(p.value);
      const known = env.platform?.[`${p.key}=${p.value}`];
      if (known !== void 0) return known;
      if (env.platform && Object.keys(env.platform).some((k) => k.startsWith(`${p.key}=`) && env.platform?.[k]))
        return false;
      return null;
    }
  }
}
function conjoin(preds) {
  const flat = [];
  for (const p of preds) {
    if (p.op === "all") flat.push(...p.args);
    else flat.push(p);
  }
  const seen = /* @__PURE__ */ new Set();
  const uniq = flat.filter((p) => {
    const k = renderCfg(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (uniq.length === 0) return null;
  return uniq.length === 1 ? uniq[0] : { op: "all", args: uniq };
}

// src/core/rust/attributes.ts
function unescapeRustString(lit) {
  const raw = /^(?:b|c)?r(#*)"([\s\S]*)"\1$/.exec(lit);
  if (raw) return raw[2];
  const m = /^(?:b|c)?"([\s\S]*)"$/.exec(lit);
  if (!m) return lit;
  const body2 = m[1];
  let out2 = "";
  for (let i2 = 0; i2 < body2.length; i2++) {
    const c = body2[i2];
    if (c !== "\\") {
      out2 += c;
      continue;
    }
    const e = body2[++i2];
    switch (e) {
      case "n":
        out2 += "\n";
        break;
      case "r":
        out2 += "\r";
        break;
      case "t":
        out2 += "	";
        break;
      case "0":
        out2 += "\0";
        break;
      case "\\":
      case '"':
      case "'":
        out2 += e;
        break;
      case "x": {
        out2 += String.fromCharCode(parseInt(body2.slice(i2 + 1, i2 + 3), 16) || 0);
        i2 += 2;
        break;
      }
      case "u": {
        const close = body2.indexOf("}", i2);
        const cp = parseInt(body2.slice(i2 + 2, close), 16);
        out2 += Number.isFinite(cp) && cp <= 1114111 ? String.fromCodePoint(cp) : "\uFFFD";
        i2 = close < 0 ? body2.length : close;
        break;
      }
      case "\n": {
        while (i2 + 1 < body2.length && /\s/.test(body2[i2 + 1])) i2++;
        break;
      }
      default:
        out2 += e ?? "";
    }
  }
  return out2;
}
function text(tokens, src, from, to) {
  if (from >= to) return "";
  return src.slice(tokens[from].start, tokens[to - 1].end);
}
function splitTopLevel(tokens, from, to) {
  const parts3 = [];
  let start2 = from;
  let i2 = from;
  while (i2 < to) {
    if (tokens[i2].kind === "open") {
      i2 = skipTree(tokens, i2);
      continue;
    }
    if (tokens[i2].kind === "punct" && tokens[i2].text === ",") {
      if (i2 > start2) parts3.push([start2, i2]);
      start2 = i2 + 1;
    }
    i2++;
  }
  if (to > start2) parts3.push([start2, to]);
  return parts3;
}
function parseMeta(tokens, src, from, to) {
  let i2 = from;
  let name2 = "";
  while (i2 < to && (tokens[i2].kind === "ident" || tokens[i2].text === "::")) {
    name2 += tokens[i2].text;
    i2++;
  }
  if (!name2) return null;
  if (i2 < to && tokens[i2].text === "(") {
    const end = skipTree(tokens, i2);
    return { name: name2, args: text(tokens, src, i2 + 1, end - 1), value: null };
  }
  if (i2 < to && tokens[i2].text === "=") {
    const lit = tokens[i2 + 1];
    return {
      name: name2,
      args: null,
      value: lit ? lit.kind === "literal" ? unescapeRustString(lit.text) : lit.text : ""
    };
  }
  return { name: name2, args: null, value: null };
}
function readAttribute(inner, env, depth = 0) {
  if (depth > 16) return [];
  const tokens = lex(inner, 1e5);
  const meta = parseMeta(tokens, inner, 0, tokens.length);
  if (!meta) return [];
  if (meta.name === "unsafe" && meta.args !== null) return readAttribute(meta.args, env, depth + 1);
  if (meta.name === "cfg_attr" && meta.args !== null) {
    const argTokens = lex(meta.args, 1e5);
    const parts3 = splitTopLevel(argTokens, 0, argTokens.length);
    if (parts3.length < 2) return [];
    const pred = parseCfg(text(argTokens, meta.args, parts3[0][0], parts3[0][1]));
    if (!pred) return [];
    const v = evalCfg(pred, env);
    if (v === false) return [];
    const out2 = [];
    for (const [a, b] of parts3.slice(1)) {
      for (const attr of readAttribute(text(argTokens, meta.args, a, b), env, depth + 1)) {
        out2.push(v === null ? { ...attr, conditions: [pred, ...attr.conditions] } : attr);
      }
    }
    return out2;
  }
  return [{ ...meta, conditions: [] }];
}
function readRepr(args2) {
  const tokens = lex(args2, 1e4);
  return splitTopLevel(tokens, 0, tokens.length).map(([a, b]) => text(tokens, args2, a, b).replace(/\s+/g, "")).map((r) => r === "packed(1)" ? "packed" : r);
}
function hasSafetySection(doc) {
  return /^\s*#+\s*Safety\b/im.test(doc);
}

// src/core/rust/types.ts
function children(node) {
  return node.namedChildren.filter((c) => c.type !== "line_comment" && c.type !== "block_comment");
}
function collapse(text2) {
  return text2.replace(/\s+/g, " ").replace(/\s*([<>(),;:&*[\]])\s*/g, "$1").replace(/,/g, ", ").replace(/->/g, " -> ").replace(/\s+/g, " ").trim();
}
function normaliseType(node, ctx = {}) {
  if (!node) return "()";
  switch (node.type) {
    case "primitive_type":
      return node.text;
    case "type_identifier":
      return node.text === "Self" && ctx.selfType ? ctx.selfType : node.text;
    case "scoped_type_identifier": {
      const name2 = node.childForFieldName("name");
      return name2 ? normaliseType(name2, ctx) : collapse(node.text);
    }
    case "generic_type": {
      const base = normaliseType(node.childForFieldName("type"), ctx);
      const args2 = node.childForFieldName("type_arguments");
      const rendered = args2 ? children(args2).map((a) => normaliseTypeArg(a, ctx)) : [];
      return `${base}<${rendered.join(", ")}>`;
    }
    case "reference_type": {
      const mut = node.children.some((c) => c.type === "mutable_specifier");
      return `&${mut ? "mut " : ""}${normaliseType(node.childForFieldName("type"), ctx)}`;
    }
    case "pointer_type": {
      const mut = node.children.some((c) => c.type === "mutable_specifier");
      return `*${mut ? "mut" : "const"} ${normaliseType(node.childForFieldName("type"), ctx)}`;
    }
    case "array_type": {
      const el = normaliseType(node.childForFieldName("element"), ctx);
      const len = node.childForFieldName("length");
      return len ? `[${el}; ${collapse(len.text)}]` : `[${el}]`;
    }
    case "tuple_type": {
      const parts3 = children(node).map((c) => normaliseType(c, ctx));
      return parts3.length === 1 ? `(${parts3[0]},)` : `(${parts3.join(", ")})`;
    }
    case "unit_type":
      return "()";
    case "never_type":
      return "!";
    case "function_type":
      return normaliseFnType(node, ctx);
    case "dynamic_type":
    case "abstract_type": {
      const inner = children(node).map((c) => collapse(c.text));
      return `${node.type === "dynamic_type" ? "dyn" : "impl"} ${inner.join(" + ")}`;
    }
    default:
      return collapse(node.text);
  }
}
function normaliseTypeArg(node, ctx) {
  if (node.type === "lifetime") return node.text;
  return normaliseType(node, ctx);
}
function normaliseFnType(node, ctx) {
  let prefix = "";
  for (const c of node.children) {
    if (c.type === "function_modifiers") {
      const mods = [];
      for (const m of c.children) {
        if (m.type === "extern_modifier") mods.push(`extern "${abiOf(m)}"`);
        else mods.push(m.text);
      }
      prefix = mods.join(" ") + " ";
    }
  }
  const params = node.childForFieldName("parameters");
  const ps = [];
  if (params) {
    for (const p of children(params)) {
      if (p.type === "parameter") ps.push(normaliseType(p.childForFieldName("type"), ctx));
      else if (p.type === "variadic_parameter") ps.push("...");
      else if (p.type !== "attribute_item") ps.push(normaliseType(p, ctx));
    }
  }
  const ret = node.childForFieldName("return_type");
  const r = ret ? normaliseType(ret, ctx) : "()";
  return `${prefix}fn(${ps.join(", ")})${r === "()" ? "" : ` -> ${r}`}`;
}
function abiOf(externModifier) {
  const lit = externModifier.namedChildren.find((c) => c.type === "string_literal");
  if (!lit) return "C";
  return lit.text.replace(/^"|"$/g, "");
}
function isRawPointer(type) {
  return type.startsWith("*const ") || type.startsWith("*mut ");
}

// src/core/extract/discriminant.ts
function literalValue(text2) {
  const byte = /^b?'(.+)'$/.exec(text2);
  if (byte) {
    const body2 = byte[1];
    if (body2.length === 1) return BigInt(body2.codePointAt(0) ?? 0);
    const esc = { "\\n": 10, "\\r": 13, "\\t": 9, "\\0": 0, "\\'": 39, "\\\\": 92 };
    if (body2 in esc) return BigInt(esc[body2]);
    const hex2 = /^\\x([0-9a-fA-F]{2})$/.exec(body2);
    if (hex2) return BigInt(parseInt(hex2[1], 16));
    if ([...body2].length === 1) return BigInt(body2.codePointAt(0) ?? 0);
    return null;
  }
  const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)(?:[iu](?:8|16|32|64|128|size))?$/.exec(text2);
  if (!m) return null;
  const digits = m[1].replace(/_/g, "");
  try {
    return BigInt(digits);
  } catch {
    return null;
  }
}
var PREC = {
  "|": 1,
  "^": 2,
  "&": 3,
  "<<": 4,
  ">>": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6
};
function evalDiscriminant(expr) {
  const tokens = lex(expr, 1e3);
  const s = { i: 0 };
  const v = parseBinary(tokens, s, 0, 0);
  return v !== null && s.i === tokens.length ? v : null;
}
function parseUnary(t2, s, depth) {
  if (depth > 50) return null;
  const tok = t2[s.i];
  if (!tok) return null;
  if (tok.text === "-") {
    s.i++;
    const v = parseUnary(t2, s, depth + 1);
    return v === null ? null : -v;
  }
  if (tok.text === "!") {
    s.i++;
    const v = parseUnary(t2, s, depth + 1);
    return v === null ? null : ~v;
  }
  if (tok.text === "(") {
    s.i++;
    const v = parseBinary(t2, s, 0, depth + 1);
    if (t2[s.i]?.text !== ")") return null;
    s.i++;
    return v;
  }
  if (tok.kind === "literal") {
    s.i++;
    return literalValue(tok.text);
  }
  return null;
}
function parseBinary(t2, s, minPrec, depth) {
  let left = parseUnary(t2, s, depth);
  if (left === null) return null;
  for (; ; ) {
    const op = t2[s.i];
    const prec = op && op.kind === "punct" ? PREC[op.text] : void 0;
    if (prec === void 0 || prec <= minPrec - 1 || prec < minPrec) return left;
    s.i++;
    const right = parseBinary(t2, s, prec + 1, depth + 1);
    if (right === null) return null;
    switch (op.text) {
      case "|":
        left = left | right;
        break;
      case "^":
        left = left ^ right;
        break;
      case "&":
        left = left & right;
        break;
      case "<<":
        left = right > 4096n ? null : left << right;
        break;
      case ">>":
        left = left >> right;
        break;
      case "+":
        left = left + right;
        break;
      case "-":
        left = left - right;
        break;
      case "*":
        left = left * right;
        break;
      case "/":
        left = right === 0n ? null : left / right;
        break;
      case "%":
        left = right === 0n ? null : left % right;
        break;
    }
    if (left === null) return null;
  }
}

// src/core/extract/scan-file.ts
function emptyScan() {
  return {
    items: [],
    candidates: [],
    declaredTypes: [],
    mods: [],
    macros: [],
    invocations: [],
    diagnostics: [],
    testText: [],
    gated: []
  };
}
var ITEM_TYPES = /* @__PURE__ */ new Set([
  "function_item",
  "static_item",
  "struct_item",
  "union_item",
  "enum_item",
  "type_item",
  "const_item",
  "impl_item",
  "mod_item",
  "foreign_mod_item",
  "macro_definition",
  "macro_invocation",
  "trait_item",
  "use_declaration",
  "extern_crate_declaration",
  "function_signature_item"
]);
var HARMLESS_ITEM_MACROS = /* @__PURE__ */ new Set([
  "thread_local",
  "compile_error",
  "include",
  "debug_assert",
  "assert",
  "const_assert",
  "static_assertions",
  "println",
  "eprintln"
]);
var GATEABLE = /* @__PURE__ */ new Set([
  "function_item",
  "static_item",
  "struct_item",
  "union_item",
  "enum_item",
  "type_item",
  "const_item"
]);
function newPending() {
  return { attrs: [], cfgs: [], offCfgs: [], disabled: false, docs: [], isTest: false };
}
var FileScanner = class {
  constructor(env, source) {
    this.env = env;
    this.source = source;
  }
  env;
  source;
  out = emptyScan();
  line(node, ctx) {
    return ctx.lineBase + node.startPosition.row;
  }
  diag(level, code, message, ctx, node) {
    this.out.diagnostics.push({
      level,
      code,
      message,
      file: ctx.file,
      line: node ? this.line(node, ctx) : void 0
    });
  }
  /** Scans the children of a `source_file` or `declaration_list`, or a block's statements. */
  scanContainer(container, ctx, inBody = false) {
    let pending = newPending();
    for (const child of container.namedChildren) {
      const t2 = child.type;
      if (t2 === "attribute_item") {
        this.readAttr(child, pending, ctx);
        continue;
      }
      if (t2 === "inner_attribute_item") continue;
      if (t2 === "line_comment" || t2 === "block_comment") {
        const txt = child.text;
        if (/^\/\/\/(?!\/)/.test(txt) || /^\/\*\*(?!\*)/.test(txt)) pending.docs.push(txt);
        continue;
      }
      if (t2 === "ERROR") {
        this.diag(
          "warning",
          "syntax-error",
          "the parser could not read part of this file; items in it may be missing",
          ctx,
          child
        );
        this.scanContainer(child, ctx, inBody);
        pending = newPending();
        continue;
      }
      if (inBody && (t2 === "macro_invocation" || t2 === "expression_statement")) {
        const inv = t2 === "macro_invocation" ? child : child.namedChildren[0];
        if (inv?.type === "macro_invocation") {
          if (!pending.disabled) this.scanInvocation(inv, pending, ctx, true);
          pending = newPending();
          continue;
        }
      }
      if (ITEM_TYPES.has(t2)) {
        if (!pending.disabled) this.scanItem(child, pending, ctx);
        else if (pending.isTest) this.out.testText.push(child.text);
        else if (GATEABLE.has(t2)) this.scanGated(child, pending, ctx);
        pending = newPending();
        continue;
      }
      if (!inBody && t2 === "expression_statement" && child.namedChildren[0]?.type === "macro_invocation") {
        if (!pending.disabled) this.scanItem(child.namedChildren[0], pending, ctx);
        pending = newPending();
        continue;
      }
      if (inBody || t2 === "expression_statement" || t2 === "let_declaration") {
        this.scanNested(child, ctx);
      }
      pending = newPending();
    }
  }
  /** Looks for items (nested fns, statics, impls) inside expressions of a function body. */
  scanNested(node, ctx) {
    if (node.type === "block" || node.type === "declaration_list") {
      this.scanContainer(node, ctx, true);
      return;
    }
    if (ITEM_TYPES.has(node.type) && node.type !== "macro_invocation") {
      this.scanItem(node, newPending(), ctx);
      return;
    }
    for (const c of node.namedChildren) this.scanNested(c, ctx);
  }
  /** Records an item a feature cfg switches off, so the diff can tell "gated" from "removed". */
  scanGated(node, pending, ctx) {
    const before = this.out.items.length;
    const beforeCandidates = this.out.candidates.length;
    const beforeTypes = this.out.declaredTypes.length;
    const beforeMacros = this.out.macros.length;
    const beforeInv = this.out.invocations.length;
    const beforeMods = this.out.mods.length;
    this.scanItem(node, { ...pending, cfgs: [...pending.cfgs, ...pending.offCfgs] }, ctx);
    const made = [...this.out.items.splice(before), ...this.out.candidates.splice(beforeCandidates)];
    this.out.declaredTypes.splice(beforeTypes);
    this.out.macros.splice(beforeMacros);
    this.out.invocations.splice(beforeInv);
    this.out.mods.splice(beforeMods);
    for (const it of made) {
      this.out.gated.push({
        kind: it.kind,
        name: it.name,
        ..."symbol" in it ? { symbol: it.symbol } : {},
        cfg: it.cfg ?? "",
        file: it.file,
        line: it.line
      });
    }
  }
  readAttr(node, pending, ctx) {
    const attr = node.namedChildren.find((c) => c.type === "attribute");
    if (!attr) return;
    for (const a of readAttribute(attr.text, this.env)) {
      if (a.name === "cfg" && a.args !== null) {
        const pred = parseCfg(a.args);
        if (!pred) {
          this.diag("warning", "bad-cfg", `cannot read cfg(${a.args.slice(0, 80)})`, ctx, node);
          continue;
        }
        const v = evalCfg(pred, this.env);
        if (v === false) {
          pending.disabled = true;
          pending.offCfgs.push(pred);
          if (/\btest\b/.test(a.args)) pending.isTest = true;
        } else pending.cfgs.push(pred);
        for (const c of a.conditions) pending.cfgs.push(c);
      } else if (a.name === "doc" && a.value !== null) {
        pending.docs.push(a.value);
        pending.attrs.push(a);
      } else {
        pending.attrs.push(a);
      }
    }
  }
  effectiveCfg(ctx, pending, conditions = []) {
    const preds = [...ctx.cfgs, ...pending.cfgs, ...conditions];
    const c = conjoin(preds);
    return c ? renderCfg(c) : null;
  }
  scanItem(node, pending, ctx) {
    switch (node.type) {
      case "function_item":
        return this.scanFunction(node, pending, ctx);
      case "static_item":
        return this.scanStatic(node, pending, ctx);
      case "struct_item":
      case "union_item":
        return this.scanStruct(node, pending, ctx);
      case "enum_item":
        return this.scanEnum(node, pending, ctx);
      case "type_item":
        return this.scanTypeAlias(node, pending, ctx);
      case "const_item":
        return this.scanConst(node, pending, ctx);
      case "impl_item": {
        const body2 = node.childForFieldName("body");
        const ty = node.childForFieldName("type");
        if (body2)
          this.scanContainer(body2, {
            ...ctx,
            cfgs: [...ctx.cfgs, ...pending.cfgs],
            selfType: ty ? normaliseType(ty, ctx) : ctx.selfType
          });
        return;
      }
      case "trait_item": {
        const body2 = node.childForFieldName("body");
        if (body2) this.scanContainer(body2, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] });
        return;
      }
      case "mod_item":
        return this.scanMod(node, pending, ctx);
      case "foreign_mod_item":
        return this.scanForeign(node, pending, ctx);
      case "macro_definition":
        return this.scanMacroDef(node, ctx);
      case "macro_invocation":
        return this.scanInvocation(node, pending, ctx);
      default:
        return;
    }
  }
  /**
   * How the item is exported, once per distinct symbol: an `export_name` wins over `no_mangle`, and
   * `cfg_attr` conditions that depend on the platform can export one item under different names
   * (`#[cfg_attr(windows, export_name = "w")] #[cfg_attr(unix, no_mangle)]`).
   */
  exportVariants(pending) {
    const names = pending.attrs.filter((a) => a.name === "export_name" && a.value !== null);
    const mangles = pending.attrs.filter((a) => a.name === "no_mangle");
    const always = names.find((a) => a.conditions.length === 0);
    if (always) return [{ symbolFrom: "export_name", value: always.value, conditions: [] }];
    const out2 = names.map((a) => ({ symbolFrom: "export_name", value: a.value, conditions: a.conditions }));
    if (mangles.length) {
      const unless = names.map((a) => ({ op: "not", arg: conjoin(a.conditions) }));
      const when = mangles.some((a) => a.conditions.length === 0) ? [] : mangles.length === 1 ? mangles[0].conditions : [{ op: "any", args: mangles.map((a) => conjoin(a.conditions)) }];
      out2.push({ symbolFrom: "no_mangle", value: null, conditions: [...when, ...unless] });
    }
    return out2;
  }
  visibility(node) {
    const v = node.namedChildren.find((c) => c.type === "visibility_modifier");
    return v ? v.text.replace(/\s+/g, "") : "private";
  }
  docOf(pending) {
    const text2 = pending.docs.map((d) => d.replace(/^\/\/\/|^\/\*\*|\*\/$/g, "")).join("\n");
    return { present: pending.docs.length > 0, safety: hasSafetySection(text2) };
  }
  tctx(ctx) {
    return { selfType: ctx.selfType };
  }
  readParams(node, ctx) {
    const params = [];
    let variadic = false;
    const list = node.childForFieldName("parameters");
    if (!list) return { params, variadic };
    let index = 0;
    for (const p of list.namedChildren) {
      if (p.type === "parameter") {
        const pat = p.childForFieldName("pattern");
        const name2 = pat ? pat.text.replace(/^mut\s+/, "").replace(/\s+/g, "") : `arg${index}`;
        params.push({ name: name2, type: normaliseType(p.childForFieldName("type"), this.tctx(ctx)) });
        index++;
      } else if (p.type === "self_parameter") {
        const txt = p.text.replace(/\s+/g, " ");
        const self2 = ctx.selfType ?? "Self";
        const type = txt.includes("&mut") ? `&mut ${self2}` : txt.includes("&") ? `&${self2}` : self2;
        params.push({ name: "self", type });
        index++;
      } else if (p.type === "variadic_parameter") {
        variadic = true;
      }
    }
    return { params, variadic };
  }
  fnModifiers(node) {
    let abi = "Rust";
    let unsafe = false;
    const mods = node.namedChildren.find((c) => c.type === "function_modifiers");
    if (mods) {
      for (const m of mods.children) {
        if (m.type === "extern_modifier") abi = abiOf(m);
        else if (m.text === "unsafe") unsafe = true;
      }
    }
    return { abi, unsafe };
  }
  scanFunction(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    const body2 = node.childForFieldName("body");
    const variants = nameNode ? this.exportVariants(pending) : [];
    if (nameNode && variants.length) {
      const name2 = ident(nameNode);
      const { abi, unsafe } = this.fnModifiers(node);
      const { params, variadic } = this.readParams(node, ctx);
      const ret = node.childForFieldName("return_type");
      const returns = ret ? normaliseType(ret, this.tctx(ctx)) : null;
      const facts = body2 ? bodyFacts(body2, params, ctx.lineBase) : emptyBody();
      for (const exp of variants) {
        const item = {
          kind: "function",
          name: name2,
          symbol: exp.value ?? name2,
          path: ctx.modPath,
          file: ctx.file,
          line: this.line(node, ctx),
          cfg: this.effectiveCfg(ctx, pending, exp.conditions),
          visibility: this.visibility(node),
          abi,
          unsafe,
          params,
          variadic,
          returns: returns === "()" ? null : returns,
          export: exp.symbolFrom,
          doc: this.docOf(pending),
          body: facts
        };
        if (ctx.macro) item.macro = ctx.macro;
        this.out.items.push(item);
      }
    }
    if (body2) this.scanContainer(body2, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] }, true);
  }
  /** Items in an initialiser (`const _: () = { #[no_mangle] extern "C" fn f() {} };`) are exported too. */
  scanInitialiser(node, pending, ctx) {
    const value = node.childForFieldName("value");
    if (value) this.scanNested(value, { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] });
  }
  scanStatic(node, pending, ctx) {
    this.scanInitialiser(node, pending, ctx);
    const nameNode = node.childForFieldName("name");
    if (!nameNode) return;
    for (const exp of this.exportVariants(pending)) {
      const item = {
        kind: "static",
        name: ident(nameNode),
        symbol: exp.value ?? ident(nameNode),
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(node, ctx),
        cfg: this.effectiveCfg(ctx, pending, exp.conditions),
        visibility: this.visibility(node),
        type: normaliseType(node.childForFieldName("type"), this.tctx(ctx)),
        mutable: node.namedChildren.some((c) => c.type === "mutable_specifier"),
        export: exp.symbolFrom,
        doc: this.docOf(pending)
      };
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
  }
  reprOf(pending) {
    const repr = [];
    for (const a of pending.attrs) if (a.name === "repr" && a.args !== null) repr.push(...readRepr(a.args));
    return repr;
  }
  fieldsOf(list, ctx) {
    const fields = [];
    if (!list) return { fields, tuple: false };
    const tuple = list.type === "ordered_field_declaration_list";
    let pending = newPending();
    let index = 0;
    if (tuple) {
      for (const c of list.namedChildren) {
        if (c.type === "attribute_item") {
          this.readAttr(c, pending, ctx);
          continue;
        }
        if (c.type === "visibility_modifier" || c.type === "line_comment" || c.type === "block_comment")
          continue;
        if (!pending.disabled) fields.push({ name: String(index), type: normaliseType(c, this.tctx(ctx)) });
        index++;
        pending = newPending();
      }
      return { fields, tuple };
    }
    for (const c of list.namedChildren) {
      if (c.type === "attribute_item") {
        this.readAttr(c, pending, ctx);
        continue;
      }
      if (c.type !== "field_declaration") continue;
      if (!pending.disabled) {
        fields.push({
          name: c.childForFieldName("name")?.text ?? String(index),
          type: normaliseType(c.childForFieldName("type"), this.tctx(ctx))
        });
      }
      index++;
      pending = newPending();
    }
    return { fields, tuple };
  }
  scanStruct(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode) return;
    const kind = node.type === "union_item" ? "union" : "struct";
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: ident(nameNode), kind, repr });
    const visibility = this.visibility(node);
    if (visibility !== "pub" || repr.length === 0) return;
    const body2 = node.childForFieldName("body");
    const { fields, tuple } = this.fieldsOf(body2, ctx);
    const item = {
      kind,
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      fields,
      tuple
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
  }
  scanEnum(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode) return;
    const repr = this.reprOf(pending);
    this.out.declaredTypes.push({ name: ident(nameNode), kind: "enum", repr });
    const visibility = this.visibility(node);
    if (visibility !== "pub" || repr.length === 0) return;
    const variants = [];
    const body2 = node.childForFieldName("body");
    let next = 0n;
    let vp = newPending();
    for (const c of body2?.namedChildren ?? []) {
      if (c.type === "attribute_item") {
        this.readAttr(c, vp, ctx);
        continue;
      }
      if (c.type !== "enum_variant") continue;
      if (vp.disabled) {
        vp = newPending();
        continue;
      }
      vp = newPending();
      const vname = c.childForFieldName("name")?.text ?? "?";
      const valueNode = c.childForFieldName("value");
      const discriminant = valueNode ? valueNode.text.replace(/\s+/g, " ") : null;
      let value;
      if (valueNode) value = evalDiscriminant(valueNode.text);
      else value = next;
      const variant = { name: vname, discriminant, value: value === null ? null : value.toString() };
      const vbody = c.childForFieldName("body");
      if (vbody) variant.fields = this.fieldsOf(vbody, ctx).fields;
      variants.push(variant);
      next = value === null ? null : value + 1n;
    }
    const item = {
      kind: "enum",
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility,
      repr,
      variants,
      nonExhaustive: pending.attrs.some((a) => a.name === "non_exhaustive")
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.items.push(item);
  }
  scanTypeAlias(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    if (!nameNode || this.visibility(node) !== "pub") return;
    if (node.childForFieldName("type_parameters")) return;
    const item = {
      kind: "type",
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: "pub",
      target: normaliseType(node.childForFieldName("type"), this.tctx(ctx))
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }
  scanConst(node, pending, ctx) {
    this.scanInitialiser(node, pending, ctx);
    const nameNode = node.childForFieldName("name");
    if (!nameNode || this.visibility(node) !== "pub" || ctx.selfType) return;
    const valueNode = node.childForFieldName("value");
    const item = {
      kind: "const",
      name: ident(nameNode),
      path: ctx.modPath,
      file: ctx.file,
      line: this.line(node, ctx),
      cfg: this.effectiveCfg(ctx, pending),
      visibility: "pub",
      type: normaliseType(node.childForFieldName("type"), this.tctx(ctx)),
      value: valueNode ? valueNode.text.replace(/\s+/g, " ").slice(0, 1e3) : ""
    };
    if (ctx.macro) item.macro = ctx.macro;
    this.out.candidates.push(item);
  }
  scanMod(node, pending, ctx) {
    const nameNode = node.childForFieldName("name");
    const name2 = nameNode ? ident(nameNode) : "";
    if (!name2) return;
    const body2 = node.childForFieldName("body");
    const cfgs = [...ctx.cfgs, ...pending.cfgs];
    const pathAttr = pending.attrs.find((a) => a.name === "path")?.value ?? null;
    const modPath = `${ctx.modPath}::${name2}`;
    if (body2) {
      if (moduleNesting(modPath) > MAX_MODULE_NESTING) {
        this.diag(
          "error",
          "module-too-deep",
          `module ${name2} is nested deeper than ${MAX_MODULE_NESTING}`,
          ctx,
          node
        );
        return;
      }
      const dir = pathAttr ? joinPath(ctx.pathBaseDir, pathAttr) : joinPath(ctx.childDir, name2);
      this.scanContainer(body2, { ...ctx, modPath, cfgs, childDir: dir, pathBaseDir: dir });
      return;
    }
    this.out.mods.push({
      name: name2,
      pathAttr,
      cfgs,
      modPath,
      lookupDir: ctx.childDir,
      pathBaseDir: ctx.pathBaseDir,
      file: ctx.file,
      line: this.line(node, ctx)
    });
  }
  scanForeign(node, pending, ctx) {
    const ext = node.namedChildren.find((c) => c.type === "extern_modifier");
    const abi = ext ? abiOf(ext) : "C";
    const body2 = node.childForFieldName("body");
    if (!body2) return;
    let ip = newPending();
    for (const c of body2.namedChildren) {
      if (c.type === "attribute_item") {
        this.readAttr(c, ip, ctx);
        continue;
      }
      if (c.type !== "function_signature_item" && c.type !== "static_item") continue;
      const cur = ip;
      ip = newPending();
      if (cur.disabled) continue;
      const nameNode = c.childForFieldName("name");
      const name2 = nameNode ? ident(nameNode) : "";
      if (!name2) continue;
      const linkName = cur.attrs.find((a) => a.name === "link_name")?.value ?? name2;
      const item = {
        kind: "import",
        name: name2,
        symbol: linkName,
        path: ctx.modPath,
        file: ctx.file,
        line: this.line(c, ctx),
        cfg: conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs]) ? renderCfg(conjoin([...ctx.cfgs, ...pending.cfgs, ...cur.cfgs])) : null,
        visibility: this.visibility(c),
        abi,
        what: c.type === "static_item" ? "static" : "function"
      };
      if (c.type === "function_signature_item") {
        const { params, variadic } = this.readParams(c, ctx);
        const ret = c.childForFieldName("return_type");
        const r = ret ? normaliseType(ret, this.tctx(ctx)) : null;
        item.params = params;
        item.variadic = variadic;
        item.returns = r === "()" ? null : r;
      } else {
        item.type = normaliseType(c.childForFieldName("type"), this.tctx(ctx));
        item.mutable = c.namedChildren.some((x) => x.type === "mutable_specifier");
      }
      if (ctx.macro) item.macro = ctx.macro;
      this.out.items.push(item);
    }
  }
  scanMacroDef(node, ctx) {
    const name2 = node.childForFieldName("name")?.text;
    if (!name2) return;
    const rules = [];
    for (const r of node.namedChildren) {
      if (r.type !== "macro_rule") continue;
      const left = r.childForFieldName("left");
      const right = r.childForFieldName("right");
      if (!left || !right) continue;
      rules.push({ matcher: left.text.slice(1, -1), transcriber: right.text.slice(1, -1) });
    }
    const text2 = node.text;
    this.out.macros.push({
      name: name2,
      rules,
      exports: /\b(no_mangle|export_name)\b/.test(text2),
      catchesUnwind: /\bcatch_unwind\b/.test(text2),
      file: ctx.file,
      line: this.line(node, ctx)
    });
  }
  scanInvocation(node, pending, ctx, inBody = false) {
    const macroNode = node.childForFieldName("macro");
    if (!macroNode) return;
    const full = macroNode.text.replace(/\s+/g, "");
    const name2 = full.split("::").pop() ?? full;
    if (name2 === "macro_rules") return;
    const tt = node.namedChildren.find((c) => c.type === "token_tree");
    const input = tt ? tt.text.slice(1, -1) : "";
    if (HARMLESS_ITEM_MACROS.has(name2)) return;
    const inv = {
      name: full,
      input,
      ctx: { ...ctx, cfgs: [...ctx.cfgs, ...pending.cfgs] },
      line: this.line(node, ctx)
    };
    if (inBody) inv.inBody = true;
    this.out.invocations.push(inv);
  }
  get text() {
    return this.source;
  }
};
function ident(node) {
  const t2 = node.text;
  return t2.startsWith("r#") ? t2.slice(2) : t2;
}
var MAX_MODULE_NESTING = 256;
function moduleNesting(modPath) {
  let n = 1;
  for (let i2 = modPath.indexOf("::"); i2 >= 0; i2 = modPath.indexOf("::", i2 + 2)) n++;
  return n;
}
function joinPath(dir, rel) {
  const parts3 = (dir ? dir.split("/") : []).concat(rel.split(/[\\/]/));
  const out2 = [];
  for (const p of parts3) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (out2.length === 0 || out2[out2.length - 1] === "..") out2.push("..");
      else out2.pop();
    } else out2.push(p);
  }
  return out2.join("/");
}
function emptyBody() {
  return { derefs: [], panics: [], catchUnwind: false, macros: [], assigns: [] };
}
var DEREF_CALLS = /* @__PURE__ */ new Set([
  "from_ptr",
  "from_raw_parts",
  "from_raw_parts_mut",
  "from_raw",
  "read",
  "read_unaligned",
  "read_volatile",
  "write",
  "write_unaligned",
  "write_volatile",
  "write_bytes",
  "copy",
  "copy_nonoverlapping",
  "drop_in_place",
  "replace",
  "swap",
  "strlen"
]);
var DEREF_METHODS = /* @__PURE__ */ new Set([
  "as_ref",
  "as_mut",
  "read",
  "read_unaligned",
  "read_volatile",
  "write",
  "write_unaligned",
  "write_volatile",
  "replace",
  "swap",
  "drop_in_place",
  "as_uninit_ref",
  "as_uninit_mut"
]);
var PANIC_MACROS = /* @__PURE__ */ new Set([
  "panic",
  "unreachable",
  "todo",
  "unimplemented",
  "assert",
  "assert_eq",
  "assert_ne",
  "debug_assert",
  "debug_assert_eq",
  "debug_assert_ne"
]);
var PANIC_METHODS = /* @__PURE__ */ new Set(["unwrap", "expect", "unwrap_err", "expect_err"]);
function stripParens(node) {
  let n = node;
  while (n && n.type === "parenthesized_expression") n = n.namedChildren[0] ?? null;
  return n;
}
var POINTER_DERIVATIONS = /* @__PURE__ */ new Set([
  "add",
  "sub",
  "offset",
  "byte_add",
  "byte_sub",
  "byte_offset",
  "wrapping_add",
  "wrapping_sub",
  "wrapping_offset",
  "wrapping_byte_add",
  "wrapping_byte_sub",
  "wrapping_byte_offset",
  "cast",
  "cast_mut",
  "cast_const"
]);
function pointerRoot(node) {
  let n = stripParens(node);
  for (let guard = 0; n && guard < 64; guard++) {
    if (n.type === "type_cast_expression") {
      n = stripParens(n.childForFieldName("value"));
      continue;
    }
    if (n.type === "call_expression") {
      let fn = n.childForFieldName("function");
      if (fn?.type === "generic_function") fn = fn.childForFieldName("function");
      if (fn?.type === "field_expression" && POINTER_DERIVATIONS.has(fn.childForFieldName("field")?.text ?? "")) {
        n = stripParens(fn.childForFieldName("value"));
        continue;
      }
    }
    break;
  }
  return n;
}
function bodyFacts(body2, params, lineBase) {
  const ptrs = new Set(params.filter((p) => isRawPointer(p.type)).map((p) => p.name));
  const facts = emptyBody();
  const derefs = /* @__PURE__ */ new Set();
  const macros = /* @__PURE__ */ new Set();
  const assigns = /* @__PURE__ */ new Set();
  const line = (n) => lineBase + n.startPosition.row;
  const visit = (node, guarded) => {
    switch (node.type) {
      case "unary_expression": {
        if (node.children[0]?.text === "*") {
          const op = pointerRoot(node.namedChildren[0] ?? null);
          if (op?.type === "identifier" && ptrs.has(op.text)) derefs.add(op.text);
        }
        break;
      }
      case "call_expression": {
        const fn = node.childForFieldName("function");
        const args2 = node.childForFieldName("arguments");
        const callee = fn?.type === "generic_function" ? fn.childForFieldName("function") : fn;
        const fnText = callee?.text ?? "";
        const last = fnText.split("::").pop()?.replace(/<.*$/, "") ?? "";
        if (callee?.type === "field_expression") {
          const field = callee.childForFieldName("field")?.text ?? "";
          const value = pointerRoot(callee.childForFieldName("value"));
          if (DEREF_METHODS.has(field) && value?.type === "identifier" && ptrs.has(value.text))
            derefs.add(value.text);
          if (PANIC_METHODS.has(field) && !guarded) facts.panics.push({ what: field, line: line(node) });
        } else if (DEREF_CALLS.has(last) && args2) {
          for (const a of args2.namedChildren) {
            const v = pointerRoot(a);
            if (v?.type === "identifier" && ptrs.has(v.text)) derefs.add(v.text);
          }
        }
        if (last === "catch_unwind") {
          facts.catchUnwind = true;
          if (fn) visit(fn, guarded);
          if (args2) for (const a of args2.namedChildren) visit(a, true);
          return;
        }
        break;
      }
      case "index_expression":
        if (!guarded) facts.panics.push({ what: "indexing", line: line(node) });
        break;
      case "macro_invocation": {
        const m = (node.childForFieldName("macro")?.text ?? "").replace(/\s+/g, "");
        const name2 = m.split("::").pop() ?? m;
        macros.add(name2);
        if (PANIC_MACROS.has(name2) && !guarded) facts.panics.push({ what: `${name2}!`, line: line(node) });
        const tt = node.namedChildren.find((c) => c.type === "token_tree");
        if (tt) {
          const txt = tt.text;
          if (/\bcatch_unwind\b/.test(txt)) facts.catchUnwind = true;
          if (!guarded) {
            const m2 = /\.\s*(unwrap|expect)\s*\(|\b(panic|unreachable|todo|unimplemented)\s*!/.exec(txt);
            if (m2)
              facts.panics.push({
                what: `${m2[1] ?? m2[2] + "!"} in ${name2}!`,
                line: line(node),
                macro: name2
              });
          }
          for (const p of ptrs) {
            if (new RegExp(
              `\\*\\s*${p}\\b|from_ptr\\s*\\(\\s*${p}\\b|from_raw_parts(_mut)?\\s*\\(\\s*${p}\\b|\\b${p}\\s*\\.\\s*as_(ref|mut)\\b`
            ).test(txt))
              derefs.add(p);
          }
        }
        return;
      }
      case "assignment_expression":
      case "compound_assignment_expr": {
        const left = stripParens(node.childForFieldName("left"));
        if (left?.type === "identifier") assigns.add(left.text);
        else if (left?.type === "scoped_identifier")
          assigns.add(left.childForFieldName("name")?.text ?? left.text);
        else if (left?.type === "field_expression" || left?.type === "index_expression") {
          let base = left;
          while (base && (base.type === "field_expression" || base.type === "index_expression"))
            base = stripParens(base.namedChildren[0] ?? null);
          if (base?.type === "identifier") assigns.add(base.text);
        }
        break;
      }
      case "function_item":
      case "impl_item":
      case "mod_item":
        return;
      // nested items have their own facts
      default:
        break;
    }
    for (const c of node.namedChildren) visit(c, guarded);
  };
  visit(body2, false);
  facts.derefs = [...derefs].sort();
  facts.macros = [...macros].sort();
  facts.assigns = [...assigns].sort();
  return facts;
}

// src/core/workspace.ts
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
async function readToml(tree, path3, diags) {
  const r = await tree.read(path3, 1024 * 1024);
  if (!r.ok) {
    if (r.reason !== "missing")
      diags.push({ level: "error", code: "manifest-unreadable", message: `${path3} ${r.detail}`, file: path3 });
    return null;
  }
  try {
    return parse(r.text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    diags.push({
      level: "error",
      code: "manifest-invalid",
      message: `${path3} is not valid TOML: ${msg}`,
      file: path3
    });
    return null;
  }
}
function globSegment(pattern, name2) {
  const re = "^" + pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$";
  return new RegExp(re).test(name2);
}
async function expandGlob(tree, pattern, limits) {
  const segs = pattern.split("/").filter((s) => s !== "" && s !== ".");
  let current = [""];
  for (const seg of segs) {
    const next = [];
    for (const base of current) {
      if (seg === "**") {
        const stack = [base];
        let n = 0;
        while (stack.length && n++ < 1e4) {
          const d = stack.pop();
          next.push(d);
          for (const e of await tree.list(d))
            if (e.type === "dir" && e.name !== "target" && !e.name.startsWith("."))
              stack.push(joinPath(d, e.name));
        }
      } else if (/[*?[]/.test(seg)) {
        for (const e of await tree.list(base))
          if (e.type === "dir" && globSegment(seg, e.name)) next.push(joinPath(base, e.name));
      } else next.push(joinPath(base, seg));
    }
    current = next.slice(0, limits.maxCrates * 4);
  }
  return current;
}
function inherit(value, ws, key) {
  if (typeof value === "string") return value;
  if (isTable(value) && value.workspace === true && ws && isTable(ws.package)) {
    const v = ws.package[key];
    return typeof v === "string" ? v : null;
  }
  return null;
}
async function readCrate(tree, dir, wsTable, diags) {
  const manifest = joinPath(dir, "Cargo.toml");
  const toml = await readToml(tree, manifest, diags);
  if (!toml || !isTable(toml.package)) return null;
  const pkg = toml.package;
  const name2 = typeof pkg.name === "string" ? pkg.name : null;
  if (!name2) {
    diags.push({
      level: "error",
      code: "manifest-invalid",
      message: `${manifest} has no package.name`,
      file: manifest
    });
    return null;
  }
  const version = inherit(pkg.version, wsTable, "version") ?? "0.0.0";
  const lib = isTable(toml.lib) ? toml.lib : null;
  let libRoot = null;
  if (lib && typeof lib.path === "string") libRoot = joinPath(dir, lib.path);
  else if (await tree.stat(joinPath(dir, "src/lib.rs")) === "file") libRoot = joinPath(dir, "src/lib.rs");
  if (!libRoot) return null;
  const featureTable = {};
  if (isTable(toml.features))
    for (const [k, v] of Object.entries(toml.features)) featureTable[k] = strings(v);
  const optionalDeps = [];
  const depTables = [toml.dependencies, toml["build-dependencies"]];
  if (isTable(toml.target)) {
    for (const t2 of Object.values(toml.target))
      if (isTable(t2)) depTables.push(t2.dependencies, t2["build-dependencies"]);
  }
  for (const deps of depTables)
    if (isTable(deps)) {
      for (const [k, v] of Object.entries(deps))
        if (isTable(v) && v.optional === true && !optionalDeps.includes(k)) optionalDeps.push(k);
    }
  return { name: name2, version, manifest, dir, libRoot, featureTable, optionalDeps };
}
async function discoverWorkspace(tree, limits) {
  const diagnostics = [];
  const root = await readToml(tree, "Cargo.toml", diagnostics);
  if (!root) {
    if (!diagnostics.length)
      diagnostics.push({
        level: "error",
        code: "no-manifest",
        message: `no Cargo.toml at the root of ${tree.label}`,
        file: "Cargo.toml"
      });
    return { crates: [], diagnostics };
  }
  const ws = isTable(root.workspace) ? root.workspace : null;
  const dirs = [];
  if (isTable(root.package)) dirs.push("");
  if (ws) {
    const excluded = /* @__PURE__ */ new Set();
    for (const p of strings(ws.exclude)) for (const d of await expandGlob(tree, p, limits)) excluded.add(d);
    for (const p of strings(ws.members)) {
      for (const d of await expandGlob(tree, p, limits)) {
        if (!excluded.has(d) && !dirs.includes(d) && await tree.stat(joinPath(d, "Cargo.toml")) === "file")
          dirs.push(d);
      }
    }
  }
  const crates = [];
  for (const d of dirs) {
    if (crates.length >= limits.maxCrates) {
      diagnostics.push({
        level: "error",
        code: "too-many-crates",
        message: `more than ${limits.maxCrates} crates; the rest were not analysed`
      });
      break;
    }
    const c = await readCrate(tree, d, ws, diagnostics);
    if (c) crates.push(c);
  }
  crates.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { crates, diagnostics };
}
function implicitFeatures(c) {
  const hidden = /* @__PURE__ */ new Set();
  for (const list of Object.values(c.featureTable))
    for (const f of list) if (f.startsWith("dep:")) hidden.add(f.slice(4));
  return new Set(c.optionalDeps.filter((d) => !hidden.has(d) && !(d in c.featureTable)));
}
function enabledFeatures(c, sel) {
  const implicit = implicitFeatures(c);
  const out2 = /* @__PURE__ */ new Set();
  if (sel.mode === "all") {
    for (const f of [...Object.keys(c.featureTable), ...implicit]) out2.add(f);
    return out2;
  }
  const queue = [...sel.features];
  if (sel.mode === "default" && c.featureTable.default) queue.push("default");
  while (queue.length) {
    const f = queue.pop();
    let name2 = f;
    if (f.startsWith("dep:"))
      name2 = "";
    else if (f.includes("/")) {
      const dep = f.slice(0, f.indexOf("/"));
      name2 = !dep.endsWith("?") && implicit.has(dep) ? dep : "";
    }
    if (!name2 || out2.has(name2)) continue;
    out2.add(name2);
    for (const implied of c.featureTable[name2] ?? []) queue.push(implied);
  }
  return out2;
}

// src/core/extract/macro-expander.ts
var MAX_OUTPUT = 1e6;
function parseMatcher(tokens, src, from, to) {
  const out2 = [];
  let i2 = from;
  while (i2 < to) {
    const t2 = tokens[i2];
    if (t2.text === "$" && i2 + 1 < to) {
      const n = tokens[i2 + 1];
      if (n.kind === "ident" && tokens[i2 + 2]?.text === ":" && tokens[i2 + 3]?.kind === "ident" && i2 + 3 < to) {
        out2.push({ k: "var", name: n.text, frag: tokens[i2 + 3].text });
        i2 += 4;
        continue;
      }
      if (n.text === "(") {
        const end = skipTree(tokens, i2 + 1);
        const elems = parseMatcher(tokens, src, i2 + 2, end - 1);
        let j = end;
        let sep2 = null;
        let op = "*";
        if (j < to && ["*", "+", "?"].includes(tokens[j].text)) {
          op = tokens[j].text;
          j++;
        } else if (j + 1 < to + 1 && j < to) {
          sep2 = tokens[j].text;
          op = tokens[j + 1]?.text ?? "*";
          j += 2;
        }
        out2.push({ k: "rep", elems, sep: sep2, op });
        i2 = j;
        continue;
      }
    }
    if (t2.kind === "open") {
      const end = skipTree(tokens, i2);
      out2.push({ k: "group", open: t2.text, elems: parseMatcher(tokens, src, i2 + 1, end - 1) });
      i2 = end;
      continue;
    }
    out2.push({ k: "lit", text: t2.text });
    i2++;
  }
  return out2;
}
function followSet(elems, idx, outer) {
  const next = elems[idx + 1];
  if (!next) return outer;
  if (next.k === "lit") return /* @__PURE__ */ new Set([next.text]);
  if (next.k === "group") return /* @__PURE__ */ new Set([next.open]);
  return outer;
}
function consumeFragment(st, frag, i2, end, stops) {
  const t2 = st.tokens;
  if (i2 > end) return null;
  switch (frag) {
    case "ident":
      return i2 < end && t2[i2].kind === "ident" ? i2 + 1 : null;
    case "lifetime":
      return i2 < end && t2[i2].kind === "lifetime" ? i2 + 1 : null;
    case "tt":
      return i2 < end ? skipTree(t2, i2) : null;
    case "block":
      return i2 < end && t2[i2].text === "{" ? skipTree(t2, i2) : null;
    case "literal": {
      let j = i2;
      if (j < end && t2[j].text === "-") j++;
      if (j < end && (t2[j].kind === "literal" || t2[j].text === "true" || t2[j].text === "false")) return j + 1;
      return null;
    }
    case "vis": {
      if (i2 < end && t2[i2].text === "pub") {
        if (i2 + 1 < end && t2[i2 + 1].text === "(") return skipTree(t2, i2 + 1);
        return i2 + 1;
      }
      return i2;
    }
    default: {
      const defaultStops = frag === "expr" || frag === "stmt" ? [",", ";", "=>"] : frag === "ty" || frag === "path" ? [",", ";", "=", "=>", "{", "|"] : frag === "pat" || frag === "pat_param" ? [",", "=", "=>", "if", "in"] : [];
      let j = i2;
      let angle = 0;
      while (j < end) {
        const tok = t2[j];
        if (angle === 0 && (stops.has(tok.text) || defaultStops.includes(tok.text))) break;
        if (frag === "ty" || frag === "path") {
          if (tok.text === "<") angle++;
          else if (tok.text === ">" && angle > 0) angle--;
          else if (tok.text === ">>" && angle > 0) angle = Math.max(0, angle - 2);
          else if (tok.text === "->") {
          }
        }
        if (frag === "item" && tok.text === "{") {
          j = skipTree(t2, j);
          if (angle === 0) break;
          continue;
        }
        if (frag === "item" && tok.text === ";") {
          j++;
          break;
        }
        j = tok.kind === "open" ? skipTree(t2, j) : j + 1;
      }
      return j > i2 ? j : null;
    }
  }
}
function matchSeq(st, elems, i2, end, binds, outerStops, depth) {
  if (depth > 64) return null;
  let pos = i2;
  for (let e = 0; e < elems.length; e++) {
    const el = elems[e];
    if (el.k === "lit") {
      if (pos >= end || st.tokens[pos].text !== el.text) return null;
      pos++;
    } else if (el.k === "group") {
      if (pos >= end || st.tokens[pos].text !== el.open) return null;
      const close = skipTree(st.tokens, pos);
      const r = matchSeq(st, el.elems, pos + 1, close - 1, binds, /* @__PURE__ */ new Set([CLOSER[el.open]]), depth + 1);
      if (r !== close - 1) return null;
      pos = close;
    } else if (el.k === "var") {
      const r = consumeFragment(st, el.frag, pos, end, followSet(elems, e, outerStops));
      if (r === null) return null;
      binds.set(el.name, { text: joinRange(st, pos, r) });
      pos = r;
    } else {
      const reps = [];
      const after = followSet(elems, e, outerStops);
      const innerStops = /* @__PURE__ */ new Set([...after, ...el.sep ? [el.sep] : []]);
      for (let guard = 0; guard < 1e4; guard++) {
        if (pos >= end) break;
        if (reps.length > 0 && el.sep) {
          if (st.tokens[pos].text !== el.sep) break;
        }
        const start2 = reps.length > 0 && el.sep ? pos + 1 : pos;
        const b = /* @__PURE__ */ new Map();
        const r = matchSeq(st, el.elems, start2, end, b, innerStops, depth + 1);
        if (r === null || r === pos) break;
        reps.push(b);
        pos = r;
        if (el.op === "?") break;
      }
      if (el.op === "+" && reps.length === 0) return null;
      for (const name2 of varsOf(el.elems)) binds.set(name2, { reps });
    }
  }
  return pos;
}
function varsOf(elems) {
  const out2 = [];
  for (const e of elems) {
    if (e.k === "var") out2.push(e.name);
    else if (e.k === "rep" || e.k === "group") out2.push(...varsOf(e.elems));
  }
  return out2;
}
function joinRange(st, from, to) {
  if (from >= to) return "";
  return st.src.slice(st.tokens[from].start, st.tokens[to - 1].end);
}
function transcribe(tokens, src, from, to, scopes, out2, size) {
  const lookup = (name2) => {
    for (let s = scopes.length - 1; s >= 0; s--) {
      const b = scopes[s].get(name2);
      if (b) return b;
    }
    return void 0;
  };
  let i2 = from;
  while (i2 < to) {
    if (size.n > MAX_OUTPUT) return false;
    const t2 = tokens[i2];
    if (t2.text === "$" && i2 + 1 < to) {
      const n = tokens[i2 + 1];
      if (n.kind === "ident") {
        if (n.text === "crate") {
          out2.push("crate");
          i2 += 2;
          continue;
        }
        const b = lookup(n.text);
        if (b && "text" in b) {
          out2.push(b.text);
          size.n += b.text.length;
          i2 += 2;
          continue;
        }
      }
      if (n.text === "(") {
        const end = skipTree(tokens, i2 + 1);
        let j = end;
        let sep2 = null;
        if (j < to && ["*", "+", "?"].includes(tokens[j].text)) j++;
        else if (j < to) {
          sep2 = tokens[j].text;
          j += 2;
        }
        const inner = tokens.slice(i2 + 2, end - 1);
        let iterations = null;
        for (let k = 0; k < inner.length - 1; k++) {
          if (inner[k].text === "$" && inner[k + 1].kind === "ident") {
            const b = lookup(inner[k + 1].text);
            if (b && "reps" in b) {
              iterations = b.reps;
              break;
            }
          }
        }
        for (let r = 0; r < (iterations?.length ?? 0); r++) {
          if (r > 0 && sep2) out2.push(sep2);
          if (!transcribe(tokens, src, i2 + 2, end - 1, [...scopes, iterations[r]], out2, size)) return false;
        }
        i2 = j;
        continue;
      }
    }
    out2.push(src.slice(t2.start, t2.end));
    size.n += t2.end - t2.start;
    i2++;
  }
  return true;
}
function expandMacro(rules, input) {
  const inTokens = lex(input, 2e5);
  for (const rule of rules) {
    const mTokens = lex(rule.matcher, 5e4);
    const elems = parseMatcher(mTokens, rule.matcher, 0, mTokens.length);
    const binds = /* @__PURE__ */ new Map();
    const st = { tokens: inTokens, src: input };
    const end = matchSeq(st, elems, 0, inTokens.length, binds, /* @__PURE__ */ new Set(), 0);
    if (end !== inTokens.length) continue;
    const tTokens = lex(rule.transcriber, 2e5);
    const out2 = [];
    if (!transcribe(tTokens, rule.transcriber, 0, tTokens.length, [binds], out2, { n: 0 })) return null;
    return out2.join(" ");
  }
  return null;
}
function splitCfgIf(input) {
  const t2 = lex(input, 2e5);
  const branches = [];
  let i2 = 0;
  while (i2 < t2.length) {
    if (t2[i2].text === "else") i2++;
    let pred = null;
    if (t2[i2]?.text === "if") {
      if (t2[i2 + 1]?.text !== "#" || t2[i2 + 2]?.text !== "[") return null;
      const attrEnd = skipTree(t2, i2 + 2);
      const inner = input.slice(t2[i2 + 3].start, t2[attrEnd - 2].end);
      const m = /^cfg\s*\(([\s\S]*)\)$/.exec(inner.trim());
      if (!m) return null;
      pred = m[1];
      i2 = attrEnd;
    }
    if (t2[i2]?.text !== "{") return null;
    const end = skipTree(t2, i2);
    const body2 = end - 1 > i2 + 1 ? input.slice(t2[i2 + 1].start, t2[end - 2].end) : "";
    branches.push({ pred, body: body2 });
    i2 = end;
  }
  return branches;
}

// src/core/extract/scan-cache.ts
var import_node_crypto2 = require("node:crypto");
var DEFAULT_MAX_ENTRIES = 1e5;
var DEFAULT_MAX_TEXT_BYTES = 512 * 1024 * 1024;
var ScanCache = class {
  entries = /* @__PURE__ */ new Map();
  textBytes = 0;
  maxEntries;
  maxTextBytes;
  stats = { hits: 0, misses: 0, evictions: 0 };
  constructor(options = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  }
  get size() {
    return this.entries.size;
  }
  /** The key of scanning `text` in `ctx` under `env`. */
  static key(text2, ctx, env) {
    const content = (0, import_node_crypto2.createHash)("sha256").update(text2).digest("base64");
    const environment = stableStringify({
      features: [...env.features].sort(),
      platform: env.platform ?? null
    });
    return `${content}\0${stableStringify(ctx)}\0${environment}`;
  }
  /** A private copy of the result stored under `key`, or undefined (counted as a miss). */
  get(key) {
    const e = this.entries.get(key);
    if (!e) {
      this.stats.misses++;
      return void 0;
    }
    this.stats.hits++;
    return structuredClone(e.outcome);
  }
  /** Stores a copy of `outcome`: the caller keeps using (and may mutate) its own. */
  set(key, outcome, textLength) {
    const old = this.entries.get(key);
    if (old) {
      this.textBytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { outcome: structuredClone(outcome), bytes: textLength });
    this.textBytes += textLength;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.textBytes <= this.maxTextBytes) break;
      if (k === key) continue;
      this.entries.delete(k);
      this.textBytes -= e.bytes;
      this.stats.evictions++;
    }
  }
};
var SharedReads = class {
  constructor(unchanged) {
    this.unchanged = unchanged;
  }
  unchanged;
  reads = /* @__PURE__ */ new Map();
  /** Reads answered from the other side. */
  reused = 0;
  wrap(tree) {
    const listings = /* @__PURE__ */ new Map();
    const entries = (dir) => {
      let l = listings.get(dir);
      if (!l) {
        l = tree.list(dir).then((es) => new Map(es.map((e) => [e.name, e.type])));
        listings.set(dir, l);
      }
      return l;
    };
    const realDirs = /* @__PURE__ */ new Map();
    const realDir = (dir) => {
      let r = realDirs.get(dir);
      if (!r) {
        const slash = dir.lastIndexOf("/");
        const parent = slash < 0 ? "" : dir.slice(0, slash);
        r = dir === "" ? Promise.resolve(true) : realDir(parent).then(
          async (ok) => ok && (await entries(parent)).get(dir.slice(slash + 1)) === "dir"
        );
        realDirs.set(dir, r);
      }
      return r;
    };
    const plainFile = async (path3) => {
      const slash = path3.lastIndexOf("/");
      const dir = slash < 0 ? "" : path3.slice(0, slash);
      return await realDir(dir) && (await entries(dir)).get(path3.slice(slash + 1)) === "file";
    };
    const read = async (path3, maxBytes) => {
      if (!this.unchanged(path3) || !await plainFile(path3)) return tree.read(path3, maxBytes);
      const key = `${maxBytes}\0${path3}`;
      const shared = this.reads.get(key);
      if (shared) {
        this.reused++;
        return shared;
      }
      const r = tree.read(path3, maxBytes);
      this.reads.set(key, r);
      return r;
    };
    return {
      label: tree.label,
      stat: (path3) => tree.stat(path3),
      read,
      list: (dir) => tree.list(dir),
      listAll: (max) => tree.listAll(max)
    };
  }
};

// src/core/extract/extract-crate.ts
var EXPORT_WORD = /\b(no_mangle|export_name)\b/;
var READ_AHEAD = 32;
var MAX_EXPANDED_BYTES = 8 * 1024 * 1024;
function mayContribute(text2) {
  if (text2.includes("no_mangle") || text2.includes("export_name") || text2.includes("extern") || text2.includes("macro_rules") || REPR.test(text2))
    return true;
  for (let i2 = text2.indexOf("!"); i2 >= 0; i2 = text2.indexOf("!", i2 + 1)) {
    let start2 = i2;
    while (start2 > 0 && !isLineBreak(text2.charCodeAt(start2 - 1))) start2--;
    LINE_MACRO.lastIndex = start2;
    if (LINE_MACRO.test(text2)) return true;
    while (i2 < text2.length && !isLineBreak(text2.charCodeAt(i2))) i2++;
  }
  return false;
}
function isLineBreak(c) {
  return c === 10 || c === 13 || c === 8232 || c === 8233;
}
var REPR = /repr\s*\(/;
var LINE_MACRO = /[A-Za-z_][\w:]*!\s*[{([]/y;
function prepareForParse(text2) {
  if (!/unsafe\s+extern/.test(text2)) return text2;
  return text2.replace(/\bunsafe(\s+extern\s*(?:"[^"\n]*"\s*)?\{)/g, (_m, rest) => "      " + rest).replace(
    /^(\s*(?:pub(?:\([^)\n]*\))?\s+)?)safe(\s+(?:fn|static)\b)/gm,
    (_m, pre, rest) => pre + "    " + rest
  );
}
function scanText(text2, ctx, env, parser) {
  const scanner = new FileScanner(env, text2);
  let error = null;
  let t2 = null;
  try {
    t2 = parser.parse(prepareForParse(text2));
    scanner.scanContainer(t2.rootNode, ctx);
  } catch (e) {
    error = {
      level: "error",
      code: "parse-failed",
      message: `could not parse: ${e instanceof Error ? e.message : String(e)}`,
      file: ctx.file
    };
  } finally {
    t2?.delete();
  }
  return { scan: scanner.out, error };
}
async function extractCrate(tree, manifest, features, parser, limits, cache2) {
  const env = { features };
  const diagnostics = [];
  const items = [];
  const candidates = [];
  const declaredTypes = [];
  const macros = /* @__PURE__ */ new Map();
  const invocations = [];
  const testText = [];
  const gated = [];
  const unparsed = [];
  const visited = /* @__PURE__ */ new Set();
  const files = [];
  const absorb = (o, takeMods) => {
    items.push(...o.items);
    candidates.push(...o.candidates);
    declaredTypes.push(...o.declaredTypes);
    for (const m of o.macros) if (!macros.has(m.name)) macros.set(m.name, m);
    invocations.push(...o.invocations);
    diagnostics.push(...o.diagnostics);
    testText.push(...o.testText);
    gated.push(...o.gated);
    return takeMods ? o.mods : [];
  };
  const parseAndScan = (text2, ctx, takeMods) => {
    const key = cache2 ? ScanCache.key(text2, ctx, env) : "";
    let outcome = cache2?.get(key);
    if (!outcome) {
      outcome = scanText(text2, ctx, env, parser);
      cache2?.set(key, outcome, text2.length);
    }
    if (outcome.error) diagnostics.push(outcome.error);
    return absorb(outcome.scan, takeMods);
  };
  const rootDir = dirname(manifest.libRoot);
  const rootCtx = {
    file: manifest.libRoot,
    modPath: "crate",
    cfgs: [],
    childDir: rootDir,
    pathBaseDir: rootDir,
    lineBase: 1
  };
  const queue = [{ file: manifest.libRoot, ctx: rootCtx, depth: 0, isRoot: true }];
  let head = 0;
  const reads = /* @__PURE__ */ new Map();
  const readAhead = () => {
    for (let k = head; k < Math.min(queue.length, head + READ_AHEAD); k++) {
      const f = queue[k].file;
      if (reads.has(f) || visited.has(f)) continue;
      const p = tree.read(f, limits.maxFileBytes);
      p.catch(() => void 0);
      reads.set(f, p);
    }
  };
  const fileDepth = /* @__PURE__ */ new Map([[manifest.libRoot, 0]]);
  let budgetHit = false;
  const followMods = async (mods, depth) => {
    for (const m of mods) {
      if (depth + 1 > limits.maxModuleDepth) {
        diagnostics.push({
          level: "error",
          code: "module-too-deep",
          message: `module ${m.modPath} is nested deeper than ${limits.maxModuleDepth}`,
          file: m.file,
          line: m.line
        });
        continue;
      }
      if (m.pathAttr !== null && escapesRoot(m)) {
        diagnostics.push({
          level: "error",
          code: "file-outside",
          message: `mod ${m.name}: #[path = ${JSON.stringify(m.pathAttr)}] leads outside the analysed root; not read`,
          file: m.file,
          line: m.line
        });
        continue;
      }
      const resolved = await resolveMod(tree, m);
      if (!resolved) {
        diagnostics.push({
          level: "warning",
          code: "module-not-found",
          message: `mod ${m.name}: none of ${candidatesOf(m).join(", ")} exists`,
          file: m.file,
          line: m.line
        });
        continue;
      }
      const modRs = m.pathAttr !== null || /(^|\/)mod\.rs$/.test(resolved);
      const childDir = modRs ? dirname(resolved) : joinPath(dirname(resolved), stem(resolved));
      queue.push({
        file: resolved,
        ctx: {
          file: resolved,
          modPath: m.modPath,
          cfgs: m.cfgs,
          childDir,
          pathBaseDir: dirname(resolved),
          lineBase: 1
        },
        depth: depth + 1,
        isRoot: false
      });
    }
  };
  const readModules = async () => {
    for (; head < queue.length && !budgetHit; head++) {
      readAhead();
      const { file, ctx, depth, isRoot } = queue[head];
      if (visited.has(file)) {
        diagnostics.push({
          level: "warning",
          code: "module-cycle",
          message: `${file} is included more than once (a #[path] cycle or duplicate); read once`,
          file
        });
        continue;
      }
      if (files.length >= limits.maxFilesPerCrate) {
        diagnostics.push({
          level: "error",
          code: "too-many-files",
          message: `crate ${manifest.name} has more than ${limits.maxFilesPerCrate} module files; the rest were not read`,
          file
        });
        budgetHit = true;
        break;
      }
      visited.add(file);
      if (!fileDepth.has(file)) fileDepth.set(file, depth);
      const r = await (reads.get(file) ?? tree.read(file, limits.maxFileBytes));
      reads.delete(file);
      let text2;
      if (r.ok) text2 = r.text;
      else if (r.reason === "invalid-utf8" && r.text !== void 0) {
        diagnostics.push({
          level: "warning",
          code: "invalid-utf8",
          message: `${file} is not valid UTF-8; read with replacement characters`,
          file
        });
        text2 = r.text;
      } else {
        diagnostics.push({
          level: r.reason === "missing" ? "warning" : "error",
          code: r.reason === "missing" ? "module-not-found" : `file-${r.reason}`,
          message: `${file} ${r.detail}${r.reason === "missing" ? "" : "; not read"}`,
          file
        });
        continue;
      }
      files.push(file);
      const inner = innerCfgs(text2, env);
      if (inner === false) continue;
      const fileCtx = { ...ctx, file, cfgs: [...ctx.cfgs, ...inner] };
      let mods;
      if (isRoot || mayContribute(text2)) mods = parseAndScan(text2, fileCtx, true);
      else {
        mods = scanModsLexically(
          text2,
          fileCtx,
          env,
          (modPath, line) => diagnostics.push({
            level: "error",
            code: "module-too-deep",
            message: `module ${modPath.slice(0, 200)}\u2026 is nested deeper than ${MAX_MODULE_NESTING}`,
            file,
            line
          })
        );
        unparsed.push({ path: file, text: text2, ctx: fileCtx });
      }
      await followMods(mods, depth);
    }
  };
  const rescanned = /* @__PURE__ */ new Set();
  let expansions = 0;
  let deferred = [];
  let expandedBytes = 0;
  for (; ; ) {
    await readModules();
    const re = new RegExp(`\\b(${[...macros.keys(), "cfg_if"].map(escapeRe).join("|")})\\s*!`);
    for (const f of unparsed)
      if (!rescanned.has(f.path) && re.test(f.text)) {
        rescanned.add(f.path);
        parseAndScan(f.text, f.ctx, false);
      }
    const macrosBefore = macros.size;
    const work = [...deferred, ...invocations.splice(0).map((inv) => ({ inv, depth: 0 }))];
    deferred = [];
    for (let w = 0; w < work.length; w++) {
      const { inv, depth } = work[w];
      const name2 = inv.name.split("::").pop() ?? inv.name;
      if (name2 !== "cfg_if" && !macros.has(name2)) {
        deferred.push(work[w]);
        continue;
      }
      if (inv.inBody && !EXPORT_WORD.test(inv.input) && !(name2 !== "cfg_if" && macros.get(name2)?.exports))
        continue;
      if (++expansions > limits.maxExpansions) {
        diagnostics.push({
          level: "error",
          code: "too-many-expansions",
          message: `more than ${limits.maxExpansions} macro expansions in ${manifest.name}; the rest were not expanded`,
          file: inv.ctx.file,
          line: inv.line
        });
        work.length = 0;
        break;
      }
      if (depth > limits.maxMacroDepth) {
        diagnostics.push({
          level: "error",
          code: "macro-too-deep",
          message: `macro ${name2}! expands deeper than ${limits.maxMacroDepth} levels`,
          file: inv.ctx.file,
          line: inv.line
        });
        continue;
      }
      const ctxAt = { ...inv.ctx, lineBase: inv.line };
      const modDepth = fileDepth.get(inv.ctx.file) ?? 0;
      if (name2 === "cfg_if") {
        const branches = splitCfgIf(inv.input);
        if (!branches) {
          diagnostics.push({
            level: "warning",
            code: "unexpanded-macro",
            message: `cannot read cfg_if! input; exports inside it are not seen`,
            file: inv.ctx.file,
            line: inv.line
          });
          continue;
        }
        const negated = [];
        for (const b of branches) {
          const pred = b.pred ? parseCfg(b.pred) : null;
          const conds = [...negated, ...pred ? [pred] : []];
          const all = conjoin(conds);
          const v = all ? evalCfg(all, env) : true;
          if (v !== false) {
            const cfgs = [...ctxAt.cfgs, ...conds.filter((c) => evalCfg(c, env) !== true)];
            await followMods(parseAndScan(b.body, { ...ctxAt, cfgs }, true), modDepth);
          }
          if (v === true) break;
          if (pred) negated.push({ op: "not", arg: pred });
        }
      } else {
        const def = macros.get(name2);
        const text2 = expandMacro(def.rules, inv.input);
        if (text2 === null) {
          diagnostics.push({
            level: "warning",
            code: "unexpanded-macro",
            message: `no rule of macro ${name2}! matches this invocation: exports it makes are not seen`,
            file: inv.ctx.file,
            line: inv.line
          });
          continue;
        }
        if ((expandedBytes += text2.length) > MAX_EXPANDED_BYTES) {
          diagnostics.push({
            level: "error",
            code: "too-many-expansions",
            message: `macro expansions in ${manifest.name} exceed ${MAX_EXPANDED_BYTES} bytes; the rest were not expanded`,
            file: inv.ctx.file,
            line: inv.line
          });
          work.length = 0;
          break;
        }
        await followMods(parseAndScan(text2, { ...ctxAt, macro: name2 }, true), modDepth);
      }
      for (const inv2 of invocations.splice(0)) work.push({ inv: inv2, depth: depth + 1 });
    }
    if (budgetHit || expansions > limits.maxExpansions || expandedBytes > MAX_EXPANDED_BYTES) break;
    if (head === queue.length && !(deferred.length && macros.size > macrosBefore)) break;
  }
  for (const { inv } of deferred)
    if (!inv.inBody || EXPORT_WORD.test(inv.input))
      diagnostics.push({
        level: "warning",
        code: "unexpanded-macro",
        message: `item-position macro ${inv.name}! is not defined in this crate (a proc macro or another crate's macro): exports it makes are not seen`,
        file: inv.ctx.file,
        line: inv.line
      });
  const boundaries = new Set([...macros.values()].filter((m) => m.catchesUnwind).map((m) => m.name));
  for (const it of items) {
    if (it.kind === "function") {
      it.body.panics = it.body.panics.filter((p) => !(p.macro && boundaries.has(p.macro)));
      if (it.body.macros.some((m) => boundaries.has(m))) it.body.catchUnwind = true;
    }
  }
  const exportModules = new Set(items.filter((i2) => i2.kind !== "import").map((i2) => i2.path));
  const reprTypes = new Set(
    items.filter((i2) => i2.kind === "struct" || i2.kind === "union" || i2.kind === "enum").map((i2) => i2.name)
  );
  const aliasNames = new Set(candidates.filter((c) => c.kind === "type").map((c) => c.name));
  for (const c of candidates) {
    if (c.path !== "crate" && !exportModules.has(c.path)) continue;
    const ty = c.kind === "type" ? c.target : c.kind === "const" ? c.type : "";
    if (isCCompatible(ty, reprTypes, aliasNames)) items.push(c);
  }
  const dedup = dedupe(items, diagnostics);
  return {
    surface: {
      name: manifest.name,
      version: manifest.version,
      manifest: manifest.manifest,
      root: manifest.libRoot,
      features: [...features].sort(),
      items: dedup,
      declaredTypes: uniqueTypes(declaredTypes),
      panicBoundaryMacros: [...boundaries].sort(),
      files: files.sort(),
      gated: gated.filter((g) => /\bfeature\b/.test(g.cfg))
    },
    diagnostics,
    testText
  };
}
var C_PRIMITIVES = /* @__PURE__ */ new Set([
  "i8",
  "i16",
  "i32",
  "i64",
  "isize",
  "u8",
  "u16",
  "u32",
  "u64",
  "usize",
  "f32",
  "f64",
  "bool",
  "c_char",
  "c_schar",
  "c_uchar",
  "c_short",
  "c_ushort",
  "c_int",
  "c_uint",
  "c_long",
  "c_ulong",
  "c_longlong",
  "c_ulonglong",
  "c_float",
  "c_double",
  "c_void",
  "size_t",
  "ssize_t",
  "c_size_t",
  "c_ssize_t",
  "intptr_t",
  "uintptr_t",
  "ptrdiff_t",
  "CStr"
]);
function isCCompatible(type, reprTypes, aliases) {
  const t2 = type.trim();
  if (C_PRIMITIVES.has(t2) || reprTypes.has(t2) || aliases.has(t2)) return true;
  if (/^\*(const|mut) /.test(t2)) return true;
  if (/^(unsafe )?extern "[^"]*" fn\(/.test(t2)) return true;
  if (/^Option<(unsafe )?extern "[^"]*" fn\(/.test(t2)) return true;
  if (/^&(?:'static )?CStr$/.test(t2) || t2 === "&CStr") return true;
  const arr = /^\[(.+); .+\]$/.exec(t2);
  if (arr) return isCCompatible(arr[1], reprTypes, aliases);
  return false;
}
function dedupe(items, diagnostics) {
  const seen = /* @__PURE__ */ new Map();
  const out2 = [];
  for (const it of items) {
    const key = `${it.kind}:${"symbol" in it ? it.symbol : it.name}:${it.cfg ?? ""}`;
    const prev = seen.get(key);
    if (prev) {
      if (it.kind === "function" || it.kind === "static") {
        diagnostics.push({
          level: "warning",
          code: "duplicate-symbol",
          message: `symbol ${it.symbol} is exported twice (also at ${prev.file}:${prev.line}); the linker will reject this build`,
          file: it.file,
          line: it.line
        });
      }
      continue;
    }
    seen.set(key, it);
    out2.push(it);
  }
  return out2;
}
function uniqueTypes(types) {
  const m = /* @__PURE__ */ new Map();
  for (const t2 of types) if (!m.has(t2.name) || t2.repr.length) m.set(t2.name, t2);
  return [...m.values()].sort((a, b) => a.name < b.name ? -1 : 1);
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function dirname(p) {
  const i2 = p.lastIndexOf("/");
  return i2 < 0 ? "" : p.slice(0, i2);
}
function stem(p) {
  const base = p.slice(p.lastIndexOf("/") + 1);
  return base.replace(/\.rs$/, "");
}
function candidatesOf(m) {
  if (m.pathAttr !== null) return [joinPath(m.pathBaseDir, m.pathAttr)];
  return [joinPath(m.lookupDir, `${m.name}.rs`), joinPath(m.lookupDir, `${m.name}/mod.rs`)];
}
function escapesRoot(m) {
  const p = m.pathAttr ?? "";
  return /^([\\/]|[A-Za-z]:)/.test(p) || joinPath(m.pathBaseDir, p).startsWith("..");
}
async function resolveMod(tree, m) {
  for (const c of candidatesOf(m)) {
    if (c.startsWith("..")) continue;
    const st = await tree.stat(c);
    if (st === "file" || st === "symlink") return c;
  }
  return null;
}
function innerCfgs(text2, env) {
  if (!/#!\s*\[/.test(text2.slice(0, 65536))) return [];
  const tokens = lex(text2.slice(0, 65536), 5e3);
  const preds = [];
  let i2 = 0;
  while (tokens[i2]?.text === "#" && tokens[i2 + 1]?.text === "!" && tokens[i2 + 2]?.text === "[") {
    const end = skipTree(tokens, i2 + 2);
    const inner = text2.slice(tokens[i2 + 3]?.start ?? 0, tokens[end - 2]?.end ?? 0);
    for (const a of readAttribute(inner, env)) {
      if (a.name !== "cfg" || a.args === null) continue;
      const p = parseCfg(a.args);
      if (!p) continue;
      const v = evalCfg(p, env);
      if (v === false) return false;
      preds.push(p);
    }
    i2 = end;
  }
  return preds;
}
function scanModsLexically(text2, ctx, env, onTooDeep) {
  if (!/\bmod\b[^;{}]*;/.test(text2)) return [];
  const tokens = lex(text2);
  const out2 = [];
  const lineOf = lineCounter(text2);
  const walk = (from, to, c) => {
    let attrs = {
      cfgs: [],
      path: null,
      disabled: false
    };
    let i2 = from;
    while (i2 < to) {
      const t2 = tokens[i2];
      if (t2.text === "#" && tokens[i2 + 1]?.text === "!" && tokens[i2 + 2]?.text === "[") {
        i2 = skipTree(tokens, i2 + 2);
        continue;
      }
      if (t2.text === "#" && tokens[i2 + 1]?.text === "[") {
        const end = skipTree(tokens, i2 + 1);
        const inner = text2.slice(tokens[i2 + 2]?.start ?? 0, tokens[end - 2]?.end ?? 0);
        for (const a of readAttribute(inner, env)) {
          if (a.name === "cfg" && a.args !== null) {
            const p = parseCfg(a.args);
            if (p) {
              const v = evalCfg(p, env);
              if (v === false) attrs.disabled = true;
              else attrs.cfgs.push(p);
            }
          } else if (a.name === "path" && a.value !== null) attrs.path = a.value;
        }
        i2 = end;
        continue;
      }
      if (t2.text === "pub") {
        i2 = tokens[i2 + 1]?.text === "(" ? skipTree(tokens, i2 + 1) : i2 + 1;
        continue;
      }
      if (t2.text === "mod" && tokens[i2 + 1]?.kind === "ident") {
        const name2 = tokens[i2 + 1].text.replace(/^r#/, "");
        const next = tokens[i2 + 2];
        const modPath = `${c.modPath}::${name2}`;
        if (next?.text === ";") {
          if (!attrs.disabled)
            out2.push({
              name: name2,
              pathAttr: attrs.path,
              cfgs: [...c.cfgs, ...attrs.cfgs],
              modPath,
              lookupDir: c.childDir,
              pathBaseDir: c.pathBaseDir,
              file: c.file,
              line: lineOf(t2.start)
            });
          i2 += 3;
        } else if (next?.text === "{") {
          const end = skipTree(tokens, i2 + 2);
          if (!attrs.disabled && moduleNesting(modPath) > MAX_MODULE_NESTING)
            onTooDeep?.(modPath, lineOf(t2.start));
          else if (!attrs.disabled) {
            const dir = attrs.path ? joinPath(c.pathBaseDir, attrs.path) : joinPath(c.childDir, name2);
            walk(i2 + 3, end - 1, {
              ...c,
              modPath,
              cfgs: [...c.cfgs, ...attrs.cfgs],
              childDir: dir,
              pathBaseDir: dir
            });
          }
          i2 = end;
        } else i2 += 2;
        attrs = { cfgs: [], path: null, disabled: false };
        continue;
      }
      i2 = t2.kind === "open" ? skipTree(tokens, i2) : i2 + 1;
      attrs = { cfgs: [], path: null, disabled: false };
    }
  };
  walk(0, tokens.length, ctx);
  return out2;
}
function lineCounter(text2) {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    for (let i2 = text2.indexOf("\n", at); i2 >= 0 && i2 < offset; i2 = text2.indexOf("\n", i2 + 1)) line++;
    at = offset;
    return line;
  };
}

// src/core/extract/extract-surface.ts
var TEST_FILE = /(^|\/)(tests|benches|fuzz|fuzz_targets)\/.*\.rs$|_test\.go$/;
async function extractSurface(tree, parser, options) {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const ws = await discoverWorkspace(tree, limits);
  const diagnostics = [...ws.diagnostics];
  const crates = [];
  const testTexts = [];
  for (const manifest of ws.crates) {
    const features = enabledFeatures(manifest, options.features);
    const r = await extractCrate(tree, manifest, features, parser, limits, options.scanCache);
    crates.push({ ...r.surface, items: sortItems(r.surface.items) });
    diagnostics.push(...r.diagnostics);
    testTexts.push(...r.testText);
  }
  if (options.testCoverage) await markTested(tree, crates, testTexts, limits, diagnostics);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    rev: tree.label,
    crates,
    diagnostics,
    digest: surfaceDigest(crates)
  };
}
async function markTested(tree, crates, texts, limits, diagnostics) {
  const listing = await tree.listAll(limits.maxListedFiles);
  if (listing.truncated)
    diagnostics.push({
      level: "warning",
      code: "too-many-files",
      message: `more than ${limits.maxListedFiles} files; tests beyond them were not searched`
    });
  let budget = 64 * 1024 * 1024;
  for (const p of listing.paths) {
    if (!TEST_FILE.test(p) || budget <= 0) continue;
    const r = await tree.read(p, Math.min(limits.maxFileBytes, budget));
    if (r.ok) {
      texts.push(r.text);
      budget -= r.bytes;
    }
  }
  const haystack = texts.join("\n");
  for (const c of crates) {
    for (const it of c.items) {
      if (it.kind !== "function" && it.kind !== "static") continue;
      it.tested = mentions(haystack, it.symbol) || it.symbol !== it.name && mentions(haystack, it.name);
    }
  }
}
function mentions(haystack, name2) {
  if (!name2) return false;
  let from = 0;
  for (; ; ) {
    const i2 = haystack.indexOf(name2, from);
    if (i2 < 0) return false;
    const before = haystack[i2 - 1] ?? " ";
    const after = haystack[i2 + name2.length] ?? " ";
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
    from = i2 + 1;
  }
}

// src/core/render/surface-text.ts
function signatureOf(item) {
  switch (item.kind) {
    case "function": {
      const params = item.params.map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push("...");
      const abi = item.abi === "Rust" ? "" : `extern "${item.abi}" `;
      return `${item.unsafe ? "unsafe " : ""}${abi}fn ${item.name}(${params.join(", ")})${item.returns ? ` -> ${item.returns}` : ""}`;
    }
    case "static":
      return `static ${item.mutable ? "mut " : ""}${item.name}: ${item.type}`;
    case "struct":
    case "union": {
      const fields = item.fields.map((f) => item.tuple ? f.type : `${f.name}: ${f.type}`).join(", ");
      return `#[repr(${item.repr.join(", ")})] ${item.kind} ${item.name} ${item.tuple ? `(${fields})` : `{ ${fields} }`}`;
    }
    case "enum": {
      const vs = item.variants.map(
        (v) => `${v.name}${v.value !== null ? ` = ${v.value}` : v.discriminant ? ` = ${v.discriminant}` : ""}`
      );
      return `#[repr(${item.repr.join(", ")})] enum ${item.name} { ${vs.join(", ")} }`;
    }
    case "type":
      return `type ${item.name} = ${item.target}`;
    case "const":
      return `const ${item.name}: ${item.type} = ${item.value}`;
    case "import": {
      if (item.what === "static")
        return `extern "${item.abi}" static ${item.mutable ? "mut " : ""}${item.name}: ${item.type ?? "?"}`;
      const params = (item.params ?? []).map((p) => `${p.name}: ${p.type}`);
      if (item.variadic) params.push("...");
      return `extern "${item.abi}" fn ${item.name}(${params.join(", ")})${item.returns ? ` -> ${item.returns}` : ""}`;
    }
  }
}
function printable(s) {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`
  );
}
function renderSurfaceText(s) {
  const lines = [];
  lines.push(`ffi surface of ${printable(s.rev)} (${s.digest})`);
  for (const c of s.crates) {
    lines.push("");
    lines.push(
      `crate ${printable(c.name)} ${printable(c.version)} (${printable(c.manifest)}${c.features.length ? `; features: ${c.features.map(printable).join(", ")}` : ""})`
    );
    const groups = [
      ["functions", c.items.filter((i2) => i2.kind === "function")],
      ["statics", c.items.filter((i2) => i2.kind === "static")],
      [
        "types",
        c.items.filter(
          (i2) => i2.kind === "struct" || i2.kind === "union" || i2.kind === "enum" || i2.kind === "type"
        )
      ],
      ["constants", c.items.filter((i2) => i2.kind === "const")],
      ["imports", c.items.filter((i2) => i2.kind === "import")]
    ];
    for (const [title, items] of groups) {
      if (!items.length) continue;
      lines.push(`  ${title}:`);
      for (const it of items) {
        const sym = (it.kind === "function" || it.kind === "static") && it.symbol !== it.name ? ` [symbol ${it.symbol}]` : "";
        const cfg = it.cfg ? ` [cfg(${it.cfg})]` : "";
        lines.push(
          `    ${printable(signatureOf(it))}${printable(sym)}${printable(cfg)}  ${printable(it.file)}:${it.line}`
        );
      }
    }
    if (!c.items.length) lines.push("  (no exported surface)");
  }
  if (s.diagnostics.length) {
    lines.push("");
    lines.push("diagnostics:");
    for (const d of s.diagnostics)
      lines.push(
        `  ${d.level}: ${printable(d.message)}${d.file ? ` (${printable(d.file)}${d.line ? `:${d.line}` : ""})` : ""} [${d.code}]`
      );
  }
  return lines.join("\n") + "\n";
}

// src/core/report.ts
var SEVERITIES = ["breaking", "potentially-breaking", "addition", "non-abi"];
var FINDING_LEVELS = ["high", "medium", "low"];

// src/core/diff/rules/cfg-gate-changed.ts
var cfgGateChanged = {
  id: "cfg-gate-changed",
  severity: "breaking",
  rationale: "The item now exists only where the new cfg holds: builds for other targets or features lose it.",
  example: "fn f() \u2192 #[cfg(unix)] fn f()",
  kinds: ["function", "static", "struct", "union", "enum", "type", "const", "import"],
  check: (before, after) => {
    if (!before || !after || before.cfg === after.cfg || after.cfg === null) return [];
    return [`now only under cfg(${after.cfg})${before.cfg ? `, was cfg(${before.cfg})` : ""}`];
  }
};

// src/core/diff/rules/cfg-gate-removed.ts
var cfgGateRemoved = {
  id: "cfg-gate-removed",
  severity: "addition",
  rationale: "The item now exists on every target and feature set: it is new surface where the cfg did not hold.",
  example: "#[cfg(unix)] fn f() \u2192 fn f()",
  kinds: ["function", "static", "struct", "union", "enum", "type", "const", "import"],
  check: (before, after) => {
    if (!before || !after || before.cfg === null || after.cfg !== null) return [];
    return [`no longer under cfg(${before.cfg})`];
  }
};

// src/core/diff/rules/const-added.ts
var constAdded = {
  id: "const-added",
  severity: "addition",
  rationale: "A new constant of the C API: new header content, nothing breaks.",
  example: "(absent) \u2192 pub const MAX_LEN: usize = 64;",
  kinds: ["const"],
  check: (before, after) => !before && after?.kind === "const" ? [`new constant ${after.name} = ${after.value}`] : []
};

// src/core/diff/rules/const-removed.ts
var constRemoved = {
  id: "const-removed",
  severity: "potentially-breaking",
  rationale: "Consumers\u2019 headers still define it; code using it builds against a value the library no longer promises.",
  example: "pub const MAX_LEN: usize = 64; \u2192 (removed)",
  kinds: ["const"],
  check: (before, after) => before?.kind === "const" && !after ? [`constant ${before.name} was removed`] : []
};

// src/core/diff/rule.ts
var SAME_EVERYWHERE = [
  ["c_int", "i32"],
  ["c_uint", "u32"],
  ["c_short", "i16"],
  ["c_ushort", "u16"],
  ["c_longlong", "i64"],
  ["c_ulonglong", "u64"],
  ["c_schar", "i8"],
  ["c_uchar", "u8"],
  ["c_float", "f32"],
  ["c_double", "f64"],
  ["size_t", "usize", "c_size_t", "uintptr_t"],
  ["ssize_t", "isize", "c_ssize_t", "intptr_t", "ptrdiff_t"]
];
var PLATFORM_DEPENDENT = [
  ["c_long", "i32", "i64", "isize"],
  ["c_ulong", "u32", "u64", "usize"],
  ["c_char", "i8", "u8"]
];
function classOf(groups, t2) {
  return groups.findIndex((g) => g.includes(t2));
}
function parts2(t2) {
  return t2.match(/[A-Za-z_][A-Za-z0-9_]*|\S/g) ?? [];
}
function relateTypes(a, b) {
  if (a === b) return "same";
  const pa = parts2(a);
  const pb = parts2(b);
  if (pa.length !== pb.length) return "different";
  let rel = "same";
  for (let i2 = 0; i2 < pa.length; i2++) {
    if (pa[i2] === pb[i2]) continue;
    const s = classOf(SAME_EVERYWHERE, pa[i2]);
    if (s >= 0 && s === classOf(SAME_EVERYWHERE, pb[i2])) {
      if (rel === "same") rel = "spelling";
      continue;
    }
    const isWidth = PLATFORM_DEPENDENT.some(
      ([platform, ...fixed]) => pa[i2] === platform && fixed.includes(pb[i2]) || pb[i2] === platform && fixed.includes(pa[i2])
    );
    if (isWidth) {
      rel = "width";
      continue;
    }
    return "different";
  }
  return rel;
}
function t(s) {
  return s === null || s === void 0 || s === "" ? "()" : s;
}

// src/core/diff/rules/const-type-changed.ts
var constTypeChanged = {
  id: "const-type-changed",
  severity: "potentially-breaking",
  rationale: "The constant\u2019s type decides how consumers store and compare it.",
  example: "pub const FLAGS: u8 = 1; \u2192 pub const FLAGS: u32 = 1;",
  kinds: ["const"],
  check: (before, after) => {
    if (before?.kind !== "const" || after?.kind !== "const") return [];
    return relateTypes(before.type, after.type) === "different" ? [`type changed from ${before.type} to ${after.type}`] : [];
  }
};

// src/core/diff/rules/const-value-changed.ts
var constValueChanged = {
  id: "const-value-changed",
  severity: "potentially-breaking",
  rationale: "Consumers compiled the old value into their code (buffer sizes, flags, versions): they disagree with the library until rebuilt.",
  example: "pub const MAX_LEN: usize = 64; \u2192 pub const MAX_LEN: usize = 32;",
  kinds: ["const"],
  check: (before, after) => {
    if (before?.kind !== "const" || after?.kind !== "const") return [];
    return before.value !== after.value ? [`value changed from ${before.value} to ${after.value}`] : [];
  }
};

// src/core/diff/rules/enum-discriminant-changed.ts
var enumDiscriminantChanged = {
  id: "enum-discriminant-changed",
  severity: "breaking",
  rationale: "The numeric value of a variant is what crosses the boundary: the same name now means a different number.",
  example: "enum E { A = 1 } \u2192 enum E { A = 2 }",
  kinds: ["enum"],
  check: (before, after) => {
    if (before?.kind !== "enum" || after?.kind !== "enum") return [];
    const out2 = [];
    for (const v of before.variants) {
      const w = after.variants.find((x) => x.name === v.name);
      if (!w) continue;
      const a = v.value ?? v.discriminant;
      const b = w.value ?? w.discriminant;
      if (a !== b) out2.push(`variant ${v.name} changed value from ${a ?? "?"} to ${b ?? "?"}`);
    }
    return out2;
  }
};

// src/core/diff/rules/enum-variant-added.ts
var enumVariantAdded = {
  id: "enum-variant-added",
  severity: "potentially-breaking",
  rationale: "Consumers that switch exhaustively, or pass values back, meet a value their code never handles.",
  example: "enum E { A } \u2192 enum E { A, B }",
  kinds: ["enum"],
  check: (before, after) => {
    if (before?.kind !== "enum" || after?.kind !== "enum" || after.nonExhaustive) return [];
    return after.variants.filter(
      (v) => !before.variants.some((w) => w.name === v.name) && !before.variants.some(
        (w) => w.value !== null && w.value === v.value && !after.variants.some((x) => x.name === w.name)
      )
    ).map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ""} was added`);
  }
};

// src/core/diff/rules/enum-variant-added-non-exhaustive.ts
var enumVariantAddedNonExhaustive = {
  id: "enum-variant-added-non-exhaustive",
  severity: "addition",
  rationale: "The enum is #[non_exhaustive]: consumers were told to expect new variants.",
  example: "#[non_exhaustive] enum E { A } \u2192 enum E { A, B }",
  kinds: ["enum"],
  check: (before, after) => {
    if (before?.kind !== "enum" || after?.kind !== "enum" || !after.nonExhaustive) return [];
    return after.variants.filter((v) => !before.variants.some((w) => w.name === v.name)).map(
      (v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ""} was added to a non-exhaustive enum`
    );
  }
};

// src/core/diff/rules/enum-variant-removed.ts
var enumVariantRemoved = {
  id: "enum-variant-removed",
  severity: "breaking",
  rationale: "Consumers still pass the old value; receiving an invalid enum value in Rust is undefined behaviour.",
  example: "enum E { A, B } \u2192 enum E { A }",
  kinds: ["enum"],
  check: (before, after) => {
    if (before?.kind !== "enum" || after?.kind !== "enum") return [];
    return before.variants.filter(
      (v) => !after.variants.some((w) => w.name === v.name) && !after.variants.some(
        (w) => w.value !== null && w.value === v.value && !before.variants.some((x) => x.name === w.name)
      )
    ).map((v) => `variant ${v.name}${v.value !== null ? ` = ${v.value}` : ""} was removed`);
  }
};

// src/core/diff/rules/enum-variant-renamed.ts
var enumVariantRenamed = {
  id: "enum-variant-renamed",
  severity: "non-abi",
  rationale: "The value is unchanged; only the constant\u2019s name in consumers\u2019 headers differs.",
  example: "enum E { Ok = 0 } \u2192 enum E { Success = 0 }",
  kinds: ["enum"],
  check: (before, after) => {
    if (before?.kind !== "enum" || after?.kind !== "enum") return [];
    const out2 = [];
    for (const v of before.variants) {
      if (after.variants.some((w2) => w2.name === v.name) || v.value === null) continue;
      const w = after.variants.find(
        (x) => x.value === v.value && !before.variants.some((y) => y.name === x.name)
      );
      if (w) out2.push(`variant ${v.name} = ${v.value} renamed to ${w.name}`);
    }
    return out2;
  }
};

// src/core/diff/rules/export-renamed.ts
var exportRenamed = {
  id: "export-renamed",
  severity: "breaking",
  rationale: "A changed #[export_name] (or a renamed #[no_mangle] fn) removes the old symbol: consumers linked against it break.",
  example: '#[export_name = "a"] fn f() \u2192 #[export_name = "b"] fn f()',
  kinds: ["function", "static"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "static" || before.kind !== after.kind)
      return [];
    return before.symbol !== after.symbol ? [`symbol ${before.symbol} was renamed to ${after.symbol}; the old symbol no longer exists`] : [];
  }
};

// src/core/diff/gated.ts
function gatedIn(crate, item) {
  if (!crate?.gated) return void 0;
  const symbol = "symbol" in item ? item.symbol : void 0;
  return crate.gated.find(
    (g) => g.kind === item.kind && g.name === item.name && (symbol === void 0 || g.symbol === symbol)
  );
}

// src/core/diff/rules/feature-made-default.ts
var featureMadeDefault = {
  id: "feature-made-default",
  severity: "addition",
  rationale: "An item that was behind a non-default feature is now built by default: more consumers get it (see exposure-widened).",
  example: '#[cfg(feature = "extra")] fn f() \u2192 fn f()',
  kinds: ["function", "static", "struct", "union", "enum", "type", "const", "import"],
  check: (before, after, ctx) => {
    if (before || !after) return [];
    const g = gatedIn(ctx.base, after);
    return g ? [`was only under cfg(${g.cfg}); now in the analysed build`] : [];
  }
};

// src/core/diff/rules/function-abi-changed.ts
var NEAR = [
  ["C", "system"],
  ["C", "C-unwind"],
  ["system", "system-unwind"],
  ["C-unwind", "system-unwind"],
  ["C", "system-unwind"],
  ["system", "C-unwind"]
];
function abiNear(a, b) {
  return NEAR.some(([x, y]) => x === a && y === b || x === b && y === a);
}
var functionAbiChanged = {
  id: "function-abi-changed",
  severity: "breaking",
  rationale: "A different calling convention (e.g. Rust \u2192 C, C \u2192 stdcall) makes every existing call site wrong.",
  example: 'extern "C" fn f() \u2192 fn f()',
  kinds: ["function", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "import" || before.kind !== after.kind)
      return [];
    if (before.abi === after.abi || abiNear(before.abi, after.abi)) return [];
    return [`ABI changed from extern "${before.abi}" to extern "${after.abi}"`];
  }
};

// src/core/diff/rules/function-abi-near-changed.ts
var functionAbiNearChanged = {
  id: "function-abi-near-changed",
  severity: "potentially-breaking",
  rationale: "C \u2194 system differ on 32-bit Windows (stdcall), and C \u2194 C-unwind changes what a panic does at the boundary.",
  example: 'extern "C" fn f() \u2192 extern "system" fn f()',
  kinds: ["function", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "import" || before.kind !== after.kind)
      return [];
    if (before.abi === after.abi || !abiNear(before.abi, after.abi)) return [];
    return [
      `ABI changed from extern "${before.abi}" to extern "${after.abi}", equivalent on most targets but not all`
    ];
  }
};

// src/core/diff/rules/function-added.ts
var functionAdded = {
  id: "function-added",
  severity: "addition",
  rationale: "A new symbol is new attack surface and a new API: a minor release, and a security review.",
  example: '(absent) \u2192 #[no_mangle] extern "C" fn f()',
  kinds: ["function"],
  check: (before, after) => !before && after?.kind === "function" ? [`new exported function ${after.symbol}`] : []
};

// src/core/diff/rules/function-parameter-renamed.ts
var functionParameterRenamed = {
  id: "function-parameter-renamed",
  severity: "non-abi",
  rationale: "Parameter names are not part of the C ABI; generated headers change, callers do not.",
  example: "fn f(len: usize) \u2192 fn f(size: usize)",
  kinds: ["function", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "import" || before.kind !== after.kind)
      return [];
    const a = before.params ?? [];
    const b = after.params ?? [];
    if (a.length !== b.length) return [];
    const out2 = [];
    for (let i2 = 0; i2 < a.length; i2++) {
      if (a[i2].name !== b[i2].name && a[i2].type === b[i2].type && !b.some((p) => p.name === a[i2].name && p.type === a[i2].type))
        out2.push(`parameter ${i2 + 1} renamed from ${a[i2].name} to ${b[i2].name}`);
    }
    return out2;
  }
};

// src/core/diff/rules/function-parameters-changed.ts
var functionParametersChanged = {
  id: "function-parameters-changed",
  severity: "breaking",
  rationale: "Callers compiled against the old header pass arguments the new code reads differently: memory corruption, not a link error.",
  example: "fn f(a: *const u8, n: usize) \u2192 fn f(a: *const u8, n: u32)",
  kinds: ["function", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "import" || before.kind !== after.kind)
      return [];
    const a = before.params ?? [];
    const b = after.params ?? [];
    const out2 = [];
    if (a.length !== b.length) {
      out2.push(
        `parameter count changed from ${a.length} to ${b.length} (${a.map((p) => t(p.type)).join(", ")}) \u2192 (${b.map((p) => t(p.type)).join(", ")})`
      );
      return out2;
    }
    for (let i2 = 0; i2 < a.length; i2++) {
      if (relateTypes(a[i2].type, b[i2].type) === "different") {
        const moved = b.findIndex((p, j) => j !== i2 && p.name === a[i2].name && p.type === a[i2].type);
        out2.push(
          moved >= 0 ? `parameter ${a[i2].name} moved from position ${i2 + 1} to ${moved + 1}` : `parameter ${i2 + 1} (${a[i2].name}) changed type from ${t(a[i2].type)} to ${t(b[i2].type)}`
        );
      }
    }
    if ((before.variadic ?? false) !== (after.variadic ?? false))
      out2.push(after.variadic ? "became variadic" : "is no longer variadic");
    return out2;
  }
};

// src/core/diff/rules/function-removed.ts
var functionRemoved = {
  id: "function-removed",
  severity: "breaking",
  rationale: "The symbol disappears from the library: consumers fail to link, or dlsym returns NULL at run time.",
  example: '#[no_mangle] extern "C" fn f() \u2192 (removed)',
  kinds: ["function"],
  check: (before, after) => before?.kind === "function" && !after ? [`exported function ${before.symbol} was removed`] : []
};

// src/core/diff/rules/function-return-changed.ts
var functionReturnChanged = {
  id: "function-return-changed",
  severity: "breaking",
  rationale: "Callers read the return value with the old type: wrong values, truncated pointers or a broken stack.",
  example: "fn f() -> i32 \u2192 fn f() -> *mut Foo",
  kinds: ["function", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "function" && before.kind !== "import" || before.kind !== after.kind)
      return [];
    const a = before.returns ?? null;
    const b = after.returns ?? null;
    if (a === b) return [];
    if (a !== null && b !== null && relateTypes(a, b) !== "different") return [];
    return [`return type changed from ${t(a)} to ${t(b)}`];
  }
};

// src/core/diff/rules/function-unsafe-changed.ts
var functionUnsafeChanged = {
  id: "function-unsafe-changed",
  severity: "non-abi",
  rationale: "unsafe does not change the C ABI, but it changes the Rust contract: who must uphold the safety invariants.",
  example: 'extern "C" fn f(p: *const u8) \u2192 unsafe extern "C" fn f(p: *const u8)',
  kinds: ["function"],
  check: (before, after) => {
    if (before?.kind !== "function" || after?.kind !== "function" || before.unsafe === after.unsafe)
      return [];
    return [
      after.unsafe ? "became unsafe: the C ABI is unchanged, but Rust callers must now uphold a safety contract" : "is no longer unsafe: the C ABI is unchanged, but the function now promises to be safe for any input"
    ];
  }
};

// src/core/diff/rules/import-added.ts
var importAdded = {
  id: "import-added",
  severity: "breaking",
  rationale: "The library now needs the host to provide this symbol: hosts built for the old version fail to link or load.",
  example: '(absent) \u2192 extern "C" { fn host_log(msg: *const c_char); }',
  kinds: ["import"],
  check: (before, after) => !before && after?.kind === "import" ? [`the library now requires the host to provide ${after.symbol}`] : []
};

// src/core/diff/rules/import-removed.ts
var importRemoved = {
  id: "import-removed",
  severity: "non-abi",
  rationale: "The host may keep providing the symbol; nothing calls it any more.",
  example: 'extern "C" { fn host_log(\u2026); } \u2192 (removed)',
  kinds: ["import"],
  check: (before, after) => before?.kind === "import" && !after ? [`the library no longer needs ${before.symbol} from the host`] : []
};

// src/core/diff/rules/item-gated.ts
var itemGated = {
  id: "item-gated",
  severity: "breaking",
  rationale: "The item moved under a cfg the analysed build does not enable: for default-feature consumers it is gone.",
  example: 'fn f() \u2192 #[cfg(feature = "extra")] fn f()',
  kinds: ["function", "static", "struct", "union", "enum", "type", "const", "import"],
  check: (before, after, ctx) => {
    if (!before || after) return [];
    const g = gatedIn(ctx.head, before);
    return g ? [
      `now only under cfg(${g.cfg}), which the analysed build (${ctx.head?.features.join(", ") || "no features"}) does not enable`
    ] : [];
  }
};

// src/core/diff/rules/platform-width-changed.ts
function typesOf(item) {
  const out2 = [];
  if (item.kind === "function" || item.kind === "import") {
    (item.params ?? []).forEach(
      (p, i2) => out2.push({ where: `parameter ${i2 + 1} (${p.name})`, type: p.type })
    );
    out2.push({ where: "return type", type: item.returns ?? "()" });
    if (item.kind === "import" && item.type) out2.push({ where: "type", type: item.type });
  } else if (item.kind === "static") out2.push({ where: "type", type: item.type });
  else if (item.kind === "struct" || item.kind === "union")
    item.fields.forEach((f) => out2.push({ where: `field ${f.name}`, type: f.type }));
  else if (item.kind === "type") out2.push({ where: "target", type: item.target });
  else if (item.kind === "const") out2.push({ where: "type", type: item.type });
  return out2;
}
var platformWidthChanged = {
  id: "platform-width-changed",
  severity: "potentially-breaking",
  rationale: "c_long/c_ulong are 32-bit on Windows (LLP64) and c_char is unsigned on ARM: equal on this target, different on another.",
  example: "fn f(x: c_long) \u2192 fn f(x: i64)",
  kinds: ["function", "import", "static", "struct", "union", "type", "const"],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = typesOf(before);
    const b = typesOf(after);
    if (a.length !== b.length) return [];
    const out2 = [];
    for (let i2 = 0; i2 < a.length; i2++) {
      if (a[i2].where.replace(/ \(.*\)$/, "") !== b[i2].where.replace(/ \(.*\)$/, "")) return [];
      if (relateTypes(a[i2].type, b[i2].type) === "width")
        out2.push(
          `${b[i2].where} changed from ${t(a[i2].type)} to ${t(b[i2].type)}, whose width or signedness differs between targets`
        );
    }
    return out2;
  }
};

// src/core/diff/rules/repr-changed.ts
var reprChanged = {
  id: "repr-changed",
  severity: "breaking",
  rationale: "The representation decides size, alignment and field offsets: repr(C) \u2192 Rust layout, u8 \u2192 u32, packed or align change them all.",
  example: "#[repr(u8)] enum E \u2192 #[repr(u32)] enum E",
  kinds: ["struct", "union", "enum"],
  check: (before, after, ctx) => {
    const isType = (k) => k === "struct" || k === "union" || k === "enum";
    if (before && after && isType(before.kind) && before.kind === after.kind) {
      const a = before.repr;
      const b = after.repr;
      if ([...a].sort().join(",") === [...b].sort().join(",")) return [];
      return [`repr changed from (${a.join(", ")}) to (${b.join(", ")})`];
    }
    if (before && !after && isType(before.kind)) {
      const d = ctx.head?.declaredTypes.find((x) => x.name === before.name);
      if (d)
        return [
          `repr (${before.repr.join(", ")}) was removed from ${before.name}: its layout is now unspecified`
        ];
    }
    if (!before && after && isType(after.kind)) {
      const d = ctx.base?.declaredTypes.find((x) => x.name === after.name);
      if (d && d.repr.length === 0)
        return [
          `${after.name} gained repr (${after.repr.join(", ")}); its layout was unspecified before`
        ];
    }
    if (before && after && before.kind !== after.kind && isType(before.kind) && isType(after.kind))
      return [`${before.name} changed from ${before.kind} to ${after.kind}`];
    return [];
  }
};

// src/core/diff/rules/static-added.ts
var staticAdded = {
  id: "static-added",
  severity: "addition",
  rationale: "A new exported data symbol: new API and shared state that consumers may read or write.",
  example: "(absent) \u2192 #[no_mangle] static V: u32",
  kinds: ["static"],
  check: (before, after) => !before && after?.kind === "static" ? [`new exported static ${after.symbol}`] : []
};

// src/core/diff/rules/static-mutability-changed.ts
var staticMutabilityChanged = {
  id: "static-mutability-changed",
  severity: "breaking",
  rationale: "An immutable static lives in read-only memory: consumers that write a formerly mutable one crash.",
  example: "static mut V: u32 \u2192 static V: u32",
  kinds: ["static", "import"],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = before.kind === "static" ? before.mutable : before.kind === "import" ? before.mutable ?? false : false;
    const b = after.kind === "static" ? after.mutable : after.kind === "import" ? after.mutable ?? false : false;
    if (a === b) return [];
    return [b ? "became static mut" : "is no longer mutable (static mut \u2192 static)"];
  }
};

// src/core/diff/rules/static-removed.ts
var staticRemoved = {
  id: "static-removed",
  severity: "breaking",
  rationale: "The data symbol disappears: consumers fail to link or read garbage through a stale dlsym.",
  example: "#[no_mangle] static V: u32 \u2192 (removed)",
  kinds: ["static"],
  check: (before, after) => before?.kind === "static" && !after ? [`exported static ${before.symbol} was removed`] : []
};

// src/core/diff/rules/static-type-changed.ts
var staticTypeChanged = {
  id: "static-type-changed",
  severity: "breaking",
  rationale: "Consumers read and write the static with the old size and layout.",
  example: "static V: u32 \u2192 static V: u64",
  kinds: ["static"],
  check: (before, after) => {
    if (before?.kind !== "static" || after?.kind !== "static") return [];
    return relateTypes(before.type, after.type) === "different" ? [`type changed from ${t(before.type)} to ${t(after.type)}`] : [];
  }
};

// src/core/diff/type-usage.ts
function mentions2(type, name2) {
  return new RegExp(`(^|[^A-Za-z0-9_])${name2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^A-Za-z0-9_]|$)`).test(
    type
  );
}
function byValue(type, name2) {
  if (!mentions2(type, name2)) return false;
  const stripped = type.replace(new RegExp(`(\\*const |\\*mut |&mut |&|NonNull<|Box<)${name2}\\b`, "g"), "");
  return mentions2(stripped, name2);
}
function typeUsage(crate, name2) {
  if (!crate) return "none";
  const types = [];
  for (const it of crate.items) {
    if (it.kind === "function" || it.kind === "import") {
      for (const p of it.params ?? []) types.push(p.type);
      if (it.returns) types.push(it.returns);
      if (it.kind === "import" && it.type) types.push(it.type);
    } else if (it.kind === "static") types.push(it.type);
    else if ((it.kind === "struct" || it.kind === "union") && it.name !== name2)
      for (const f of it.fields) types.push(f.type);
    else if (it.kind === "enum")
      for (const v of it.variants) for (const f of v.fields ?? []) types.push(f.type);
    else if (it.kind === "type") types.push(it.target);
  }
  let used = false;
  for (const ty of types) {
    if (byValue(ty, name2)) return "value";
    if (mentions2(ty, name2)) used = true;
  }
  return used ? "pointer" : "none";
}

// src/core/diff/rules/struct-field-added-by-value.ts
function appended(before, after) {
  const a = before.fields.map((f) => f.name);
  const b = after.fields.map((f) => f.name);
  if (b.length <= a.length || a.some((n, i2) => b[i2] !== n)) return [];
  return after.fields.slice(a.length);
}
var structFieldAddedByValue = {
  id: "struct-field-added-by-value",
  severity: "breaking",
  rationale: "The struct grows: where it is passed by value, returned, embedded or declared by consumers, their copies are too small.",
  example: "struct S { a: u32 } (passed by value) \u2192 struct S { a: u32, b: u32 }",
  kinds: ["struct", "union"],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== "struct" && before.kind !== "union" || before.kind !== after.kind)
      return [];
    const added = before.kind === "union" ? after.fields.filter((f) => !before.fields.some((g) => g.name === f.name)) : appended(before, after);
    if (!added.length || typeUsage(ctx.head, after.name) === "pointer") return [];
    const how = typeUsage(ctx.head, after.name) === "value" ? "is passed, returned or embedded by value" : "is public, so consumers may embed or allocate it";
    return [
      `field${added.length > 1 ? "s" : ""} ${added.map((f) => `${f.name}: ${f.type}`).join(", ")} appended to ${after.name}, which ${how}`
    ];
  }
};

// src/core/diff/rules/struct-field-added-behind-pointer.ts
var structFieldAddedBehindPointer = {
  id: "struct-field-added-behind-pointer",
  severity: "potentially-breaking",
  rationale: "A struct only ever handled through pointers may grow safely, unless consumers allocate or copy it themselves.",
  example: "struct S { a: u32 } (only *mut S) \u2192 struct S { a: u32, b: u32 }",
  kinds: ["struct", "union"],
  check: (before, after, ctx) => {
    if (!before || !after || before.kind !== "struct" && before.kind !== "union" || before.kind !== after.kind)
      return [];
    const added = before.kind === "union" ? after.fields.filter((f) => !before.fields.some((g) => g.name === f.name)) : appended(before, after);
    if (!added.length || typeUsage(ctx.head, after.name) !== "pointer") return [];
    return [
      `field${added.length > 1 ? "s" : ""} ${added.map((f) => `${f.name}: ${f.type}`).join(", ")} appended to ${after.name}, which the surface only uses behind pointers`
    ];
  }
};

// src/core/diff/rules/struct-field-renamed.ts
var structFieldRenamed = {
  id: "struct-field-renamed",
  severity: "non-abi",
  rationale: "Same position, same type: the layout is unchanged, only the header text differs.",
  example: "struct S { len: usize } \u2192 struct S { size: usize }",
  kinds: ["struct", "union"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "struct" && before.kind !== "union" || before.kind !== after.kind)
      return [];
    const out2 = [];
    before.fields.forEach((f, i2) => {
      const g = after.fields[i2];
      if (g && g.name !== f.name && g.type === f.type && !after.fields.some((x) => x.name === f.name) && !before.fields.some((x) => x.name === g.name))
        out2.push(`field ${i2 + 1} renamed from ${f.name} to ${g.name}`);
    });
    return out2;
  }
};

// src/core/diff/rules/struct-layout-changed.ts
var structLayoutChanged = {
  id: "struct-layout-changed",
  severity: "breaking",
  rationale: "A field removed, reordered or retyped moves every offset after it: consumers read and write the wrong bytes.",
  example: "struct S { a: u32, b: u64 } \u2192 struct S { b: u64, a: u32 }",
  kinds: ["struct", "union"],
  check: (before, after) => {
    if (!before || !after || before.kind !== "struct" && before.kind !== "union" || before.kind !== after.kind)
      return [];
    const a = before.fields;
    const b = after.fields;
    const out2 = [];
    for (const f of a)
      if (!b.some((g) => g.name === f.name) && !(b[a.indexOf(f)] && b[a.indexOf(f)].type === f.type && !a.some((x) => x.name === b[a.indexOf(f)].name)))
        out2.push(`field ${f.name}: ${t(f.type)} was removed`);
    const common = a.filter((f) => b.some((g) => g.name === f.name));
    const order = b.filter((g) => common.some((f) => f.name === g.name)).map((g) => g.name);
    if (common.map((f) => f.name).join(",") !== order.join(","))
      out2.push(`fields were reordered: (${common.map((f) => f.name).join(", ")}) \u2192 (${order.join(", ")})`);
    for (const f of common) {
      const g = b.find((x) => x.name === f.name);
      if (g && relateTypes(f.type, g.type) === "different")
        out2.push(`field ${f.name} changed type from ${t(f.type)} to ${t(g.type)}`);
    }
    const firstNew = b.findIndex((g) => !a.some((f) => f.name === g.name));
    if (firstNew >= 0 && before.kind === "struct" && b.slice(firstNew).some((g) => a.some((f) => f.name === g.name)) && a.length === common.length)
      out2.push(`field ${b[firstNew].name} was inserted before existing fields, shifting their offsets`);
    return out2;
  }
};

// src/core/diff/rules/type-added.ts
var typeAdded = {
  id: "type-added",
  severity: "addition",
  rationale: "A new C-compatible type in the surface: new API for consumers\u2019 headers.",
  example: "(absent) \u2192 #[repr(C)] pub struct S { \u2026 }",
  kinds: ["struct", "union", "enum"],
  check: (before, after, ctx) => {
    if (before || !after || after.kind !== "struct" && after.kind !== "union" && after.kind !== "enum")
      return [];
    if (ctx.base?.declaredTypes.some((d) => d.name === after.name)) return [];
    return [`new ${after.kind} ${after.name} (repr ${after.repr.join(", ")})`];
  }
};

// src/core/diff/rules/type-alias-added.ts
var typeAliasAdded = {
  id: "type-alias-added",
  severity: "addition",
  rationale: "A new type name in the C API.",
  example: "(absent) \u2192 pub type Handle = *mut Inner;",
  kinds: ["type"],
  check: (before, after) => !before && after?.kind === "type" ? [`new type alias ${after.name} = ${after.target}`] : []
};

// src/core/diff/rules/type-alias-changed.ts
var typeAliasChanged = {
  id: "type-alias-changed",
  severity: "potentially-breaking",
  rationale: "Every signature that uses the alias changes with it; consumers that spelled the alias keep the old type.",
  example: "pub type Id = u32; \u2192 pub type Id = u64;",
  kinds: ["type"],
  check: (before, after) => {
    if (before?.kind !== "type" || after?.kind !== "type") return [];
    return relateTypes(before.target, after.target) === "different" ? [`now aliases ${after.target} instead of ${before.target}`] : [];
  }
};

// src/core/diff/rules/type-alias-removed.ts
var typeAliasRemoved = {
  id: "type-alias-removed",
  severity: "potentially-breaking",
  rationale: "Consumers\u2019 headers still use the name; the ABI of functions using the target type is unchanged.",
  example: "pub type Handle = *mut Inner; \u2192 (removed)",
  kinds: ["type"],
  check: (before, after) => before?.kind === "type" && !after ? [`type alias ${before.name} was removed`] : []
};

// src/core/diff/rules/type-removed.ts
var typeRemoved = {
  id: "type-removed",
  severity: "breaking",
  rationale: "Consumers\u2019 headers declare the type; code that uses it no longer matches the library.",
  example: "#[repr(C)] pub struct S { \u2026 } \u2192 (removed)",
  kinds: ["struct", "union", "enum"],
  check: (before, after, ctx) => {
    if (!before || after || before.kind !== "struct" && before.kind !== "union" && before.kind !== "enum")
      return [];
    if (ctx.head?.declaredTypes.some((d) => d.name === before.name)) return [];
    return [`${before.kind} ${before.name} (repr ${before.repr.join(", ")}) was removed`];
  }
};

// src/core/diff/rules/type-spelling-changed.ts
var typeSpellingChanged = {
  id: "type-spelling-changed",
  severity: "non-abi",
  rationale: "c_int \u2194 i32, size_t \u2194 usize and the like are the same type on every target Rust supports: the header text changes, the ABI does not.",
  example: "fn f(x: c_int) \u2192 fn f(x: i32)",
  kinds: ["function", "import", "static", "struct", "union", "type", "const"],
  check: (before, after) => {
    if (!before || !after || before.kind !== after.kind) return [];
    const a = JSON.stringify(canonicalItem(before));
    const b = JSON.stringify(canonicalItem(after));
    if (a === b) return [];
    const ta = a.match(/"(?:[^"\\]|\\.)*"|[^"]+/g) ?? [];
    const tb = b.match(/"(?:[^"\\]|\\.)*"|[^"]+/g) ?? [];
    if (ta.length !== tb.length) return [];
    let spelling = false;
    for (let i2 = 0; i2 < ta.length; i2++) {
      if (ta[i2] === tb[i2]) continue;
      if (relateTypes(ta[i2], tb[i2]) !== "spelling") return [];
      spelling = true;
    }
    return spelling ? ["type spelled differently (same type on every target)"] : [];
  }
};

// src/core/diff/rules/unresolved-macro.ts
var unresolvedMacro = {
  id: "unresolved-macro",
  severity: "potentially-breaking",
  rationale: "An item-position macro the engine cannot expand (a proc macro, another crate\u2019s macro) may export anything: a reviewer must look.",
  example: "(absent) \u2192 some_crate::export_all! { \u2026 }",
  kinds: [],
  check: () => []
};

// src/core/diff/catalogue.ts
var CHANGE_RULES = [
  cfgGateChanged,
  cfgGateRemoved,
  constAdded,
  constRemoved,
  constTypeChanged,
  constValueChanged,
  enumDiscriminantChanged,
  enumVariantAdded,
  enumVariantAddedNonExhaustive,
  enumVariantRemoved,
  enumVariantRenamed,
  exportRenamed,
  featureMadeDefault,
  functionAbiChanged,
  functionAbiNearChanged,
  functionAdded,
  functionParameterRenamed,
  functionParametersChanged,
  functionRemoved,
  functionReturnChanged,
  functionUnsafeChanged,
  importAdded,
  importRemoved,
  itemGated,
  platformWidthChanged,
  reprChanged,
  staticAdded,
  staticMutabilityChanged,
  staticRemoved,
  staticTypeChanged,
  structFieldAddedBehindPointer,
  structFieldAddedByValue,
  structFieldRenamed,
  structLayoutChanged,
  typeAdded,
  typeAliasAdded,
  typeAliasChanged,
  typeAliasRemoved,
  typeRemoved,
  typeSpellingChanged,
  unresolvedMacro
].sort((a, b) => a.id < b.id ? -1 : 1);
function changeRule(id) {
  const r = CHANGE_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown change rule ${id}`);
  return r;
}

// src/core/diff/diff-surfaces.ts
function pairItems(base, head) {
  const pairs = [];
  const left = [...base];
  const right = [...head];
  const take = (match) => {
    for (let i2 = 0; i2 < left.length; i2++) {
      const j = right.findIndex((b) => match(left[i2], b));
      if (j < 0) continue;
      pairs.push({ before: left[i2], after: right[j] });
      left.splice(i2, 1);
      right.splice(j, 1);
      i2--;
    }
  };
  take((a, b) => itemKey(a) === itemKey(b) && a.cfg === b.cfg);
  take((a, b) => itemKey(a) === itemKey(b));
  take(
    (a, b) => (a.kind === "function" || a.kind === "static") && a.kind === b.kind && a.name === b.name && a.path === b.path
  );
  for (const a of left) pairs.push({ before: a, after: null });
  for (const b of right) pairs.push({ before: null, after: b });
  return pairs;
}
var SEVERITY_RANK = {
  breaking: 0,
  "potentially-breaking": 1,
  addition: 2,
  "non-abi": 3
};
function changeOf(rule, severity, crate, pair, message) {
  const item = pair.after ?? pair.before;
  const c = {
    rule,
    severity,
    kind: item.kind,
    name: item.name,
    crate,
    file: item.file,
    line: item.line,
    before: pair.before ? signatureOf(pair.before) : null,
    after: pair.after ? signatureOf(pair.after) : null,
    message
  };
  if ("symbol" in item) c.symbol = item.symbol;
  return c;
}
function diffCrate(name2, base, head, touched) {
  const ctx = { base, head };
  const out2 = [];
  for (const pair of pairItems(base?.items ?? [], head?.items ?? [])) {
    const kind = (pair.after ?? pair.before)?.kind;
    const count2 = out2.length;
    for (const rule of CHANGE_RULES) {
      if (!kind || !rule.kinds.includes(kind) && !(pair.before && rule.kinds.includes(pair.before.kind)))
        continue;
      for (const message of rule.check(pair.before, pair.after, ctx))
        out2.push(changeOf(rule.id, rule.severity, name2, pair, message));
    }
    if (out2.length > count2) touched.push({ crate: name2, before: pair.before, after: pair.after });
  }
  const gatedKeys = new Set(
    out2.filter((c) => c.rule === "item-gated" || c.rule === "feature-made-default").map((c) => `${c.kind}:${c.symbol ?? c.name}`)
  );
  const gatedRemoval = (c) => gatedKeys.has(`${c.kind}:${c.symbol ?? c.name}`) && /-(removed|added)$/.test(c.rule);
  return out2.filter((c) => !gatedRemoval(c));
}
function macroName(d) {
  return /macro (\S+?)!/.exec(d.message)?.[1] ?? "unknown";
}
function unresolved(base, head) {
  const key = (d) => `${d.file}\0${macroName(d)}`;
  const seen = new Set(base.diagnostics.filter((d) => d.code === "unexpanded-macro").map(key));
  const out2 = [];
  const rule = changeRule("unresolved-macro");
  for (const d of head.diagnostics) {
    if (d.code !== "unexpanded-macro" || seen.has(key(d))) continue;
    const crate = head.crates.find((c) => d.file && c.files.includes(d.file))?.name ?? "";
    out2.push({
      rule: rule.id,
      severity: rule.severity,
      kind: "unknown",
      name: `${macroName(d)}!`,
      crate,
      file: d.file ?? "",
      line: d.line ?? 0,
      before: null,
      after: null,
      message: d.message
    });
  }
  return out2;
}
function sortChanges(changes) {
  return [...changes].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.crate < b.crate ? -1 : a.crate > b.crate ? 1 : 0) || ((a.symbol ?? a.name) < (b.symbol ?? b.name) ? -1 : (a.symbol ?? a.name) > (b.symbol ?? b.name) ? 1 : 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
function diffSurfaces(base, head) {
  const names = [.../* @__PURE__ */ new Set([...base.crates.map((c) => c.name), ...head.crates.map((c) => c.name)])].sort();
  const changes = [];
  const touched = [];
  for (const n of names) {
    changes.push(
      ...diffCrate(
        n,
        base.crates.find((c) => c.name === n) ?? null,
        head.crates.find((c) => c.name === n) ?? null,
        touched
      )
    );
  }
  changes.push(...unresolved(base, head));
  return { changes: sortChanges(changes), touched };
}
function requiredBump(changes, options = {}) {
  const worst = SEVERITIES.find((s) => changes.some((c) => c.severity === s));
  switch (worst) {
    case "breaking":
      return "major";
    case "potentially-breaking":
      return options.potentiallyBreakingBump ?? "major";
    case "addition":
      return "minor";
    case "non-abi":
      return "patch";
    default:
      return "none";
  }
}
function deltaDigest(changes) {
  const canon = changes.map((c) => ({
    rule: c.rule,
    crate: c.crate,
    kind: c.kind,
    id: c.symbol ?? c.name,
    before: c.before,
    after: c.after,
    message: c.message
  }));
  return sha256(stableStringify(canon));
}

// src/core/diff/build-report.ts
function buildReport(base, head, options = {}) {
  const { changes, touched } = diffSurfaces(base, head);
  const findings = [];
  if (options.findings) {
    for (const crate of head.crates) {
      const items = touched.filter((t2) => t2.crate === crate.name && t2.after !== null).map(
        (t2) => t2.before ? { item: t2.after, before: t2.before } : { item: t2.after }
      );
      if (items.length)
        findings.push(
          ...options.findings(items, crate, base.crates.find((c) => c.name === crate.name) ?? null)
        );
    }
  }
  const names = [.../* @__PURE__ */ new Set([...base.crates.map((c) => c.name), ...head.crates.map((c) => c.name)])].sort();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    base: { rev: base.rev, digest: base.digest },
    head: { rev: head.rev, digest: head.digest },
    changes,
    findings,
    requiredBump: requiredBump(changes, options),
    deltaDigest: deltaDigest(changes),
    crates: names.map((name2) => ({
      name: name2,
      baseVersion: base.crates.find((c) => c.name === name2)?.version ?? null,
      headVersion: head.crates.find((c) => c.name === name2)?.version ?? null
    })),
    diagnostics: head.diagnostics
  };
}

// src/adapters/git-revisions.ts
async function verify(dir, rev) {
  const r = await runGit(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.toString("utf8").trim() : null;
}
async function hasRemote(dir, name2) {
  const r = await runGit(dir, ["remote"]);
  return r.code === 0 && r.stdout.toString("utf8").split("\n").includes(name2);
}
async function isShallow(dir) {
  return (await git(dir, ["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
}
async function resolveCommit(dir, rev, what = "revision") {
  if (rev.startsWith("-")) throw new GitError(`${what} ${JSON.stringify(rev)} is not a revision`);
  const sha = await verify(dir, rev);
  if (sha) return sha;
  const remoteName = /^(?:refs\/remotes\/)?origin\/(.+)$/.exec(rev)?.[1] ?? rev;
  if (/^[\w.][\w./-]*$/.test(remoteName) && await hasRemote(dir, "origin")) {
    const fetched = await runGit(dir, ["fetch", "--no-tags", "--quiet", "origin", remoteName]);
    if (fetched.code === 0) {
      const again = await verify(dir, rev) ?? await verify(dir, "FETCH_HEAD");
      if (again) return again;
    }
  }
  const shallow = await isShallow(dir);
  throw new GitError(
    `${what} ${JSON.stringify(rev)} is not in this repository` + (shallow ? ": this is a shallow clone; use actions/checkout with fetch-depth: 0, or fetch the base commit (git fetch origin <base>)" : "; fetch it first (git fetch origin <rev>)")
  );
}
async function mergeBase(dir, a, b) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = await runGit(dir, ["merge-base", a, b]);
    if (r.code === 0) return r.stdout.toString("utf8").trim();
    if (!await isShallow(dir) || !await hasRemote(dir, "origin")) return null;
    const deepen = attempt < 3 ? ["--deepen=" + 50 * 4 ** attempt] : ["--unshallow"];
    await runGit(dir, ["fetch", "--no-tags", "--quiet", ...deepen, "origin"]);
  }
  return null;
}
async function headCommit(dir) {
  return verify(dir, "HEAD");
}

// src/adapters/tree-sitter-parser.ts
var fs4 = __toESM2(require("node:fs"));
var path2 = __toESM2(require("node:path"));
var import_web_tree_sitter2 = __toESM2(require_web_tree_sitter2());
function locate(file, packageName) {
  const candidates = [path2.join(__dirname, file), path2.join(__dirname, "wasm", file)];
  for (const c of candidates) if (fs4.existsSync(c)) return c;
  return require.resolve(`${packageName}/${file}`);
}
var loaded = null;
function loadRustParser() {
  if (!loaded) {
    loaded = (async () => {
      const runtime = locate("web-tree-sitter.wasm", "web-tree-sitter");
      await import_web_tree_sitter2.Parser.init({ locateFile: () => runtime });
      const language = await import_web_tree_sitter2.Language.load(
        fs4.readFileSync(locate("tree-sitter-rust.wasm", "tree-sitter-rust"))
      );
      const parser = new import_web_tree_sitter2.Parser();
      parser.setLanguage(language);
      return {
        parse: (text2) => {
          const tree = parser.parse(text2);
          if (!tree) throw new Error("tree-sitter returned no tree");
          return tree;
        }
      };
    })();
  }
  return loaded;
}

// src/app/analyse-diff.ts
async function analyseDiff(o) {
  const warnings = [];
  await checkRoot(o.root);
  const baseNamed = await resolveCommit(o.root, o.base, "--base");
  const headSha = o.head !== void 0 ? await resolveCommit(o.root, o.head, "--head") : null;
  let baseSha = baseNamed;
  if (o.useMergeBase !== false) {
    const other = headSha ?? await headCommit(o.root);
    if (other) {
      const mb = await mergeBase(o.root, baseNamed, other);
      if (mb) baseSha = mb;
      else if (await isShallow(o.root))
        throw new GitError(
          `no merge base of ${o.base} and ${o.head ?? "HEAD"} in this shallow clone: use actions/checkout with fetch-depth: 0, or fetch more history (git fetch --unshallow origin)`
        );
      else
        warnings.push(
          `${o.base} and ${o.head ?? "HEAD"} have no common history; comparing against ${o.base} itself`
        );
    }
  }
  const parser = o.parser ?? await loadRustParser();
  const baseTree = await GitRevisionTree.open(o.root, baseSha);
  let headTree;
  try {
    headTree = headSha ? await GitRevisionTree.open(o.root, headSha) : await FileSystemTree.open(o.root);
  } catch (e) {
    baseTree.close();
    throw e;
  }
  try {
    const scanCache = o.scanCache ?? new ScanCache();
    let baseSource = baseTree;
    let headSource = headTree;
    if (headTree instanceof GitRevisionTree) {
      const changed = baseTree.changedPaths(headTree);
      const shared = new SharedReads((p) => !changed.has(p));
      baseSource = shared.wrap(baseTree);
      headSource = shared.wrap(headTree);
    }
    const base = await extractSurface(baseSource, parser, {
      features: o.features,
      limits: o.limits,
      scanCache
    });
    const head = await extractSurface(headSource, parser, {
      features: o.features,
      limits: o.limits,
      testCoverage: true,
      scanCache
    });
    const report = buildReport(base, head, {
      potentiallyBreakingBump: o.potentiallyBreakingBump,
      findings: o.findings
    });
    return { report, base, head, baseSha, headSha, warnings };
  } finally {
    baseTree.close();
    headTree.close?.();
  }
}
async function checkRoot(root) {
  const st = await import_node_fs3.promises.stat(root).catch(() => null);
  if (!st) throw new InputError(`--root ${root} does not exist`);
  if (!st.isDirectory()) throw new InputError(`--root ${root} is not a directory`);
  if ((await runGit(root, ["rev-parse", "--git-dir"])).code !== 0)
    throw new GitError(`--root ${root} is not inside a git repository`);
}

// src/core/render/escape-markdown.ts
var ZWJ = "\u200D";
var MAX_TEXT = 1e3;
var MAX_CODE = 300;
var MAX_CELL = 200;
var INVISIBLE_CATEGORY = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
var INVISIBLE_OTHER = /[\u115f\u1160\u3164\uffa0]|\u034f|\u17b4|\u17b5|[\u180b-\u180f]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/u;
function invisible(ch) {
  return INVISIBLE_CATEGORY.test(ch) || INVISIBLE_OTHER.test(ch);
}
function hex(cp) {
  return `\\u{${cp.toString(16)}}`;
}
function reveal(s, max = Number.POSITIVE_INFINITY) {
  if (s.length <= max && !s.includes("\\") && !invisible(s)) return { text: s, truncated: false };
  let out2 = "";
  let count2 = 0;
  for (const ch of s) {
    const shown = ch === "\\" ? "\\\\" : invisible(ch) ? hex(ch.codePointAt(0)) : ch;
    const width = shown === ch ? 1 : shown.length;
    if (count2 + width > max) return { text: out2, truncated: true };
    out2 += shown;
    count2 += width;
  }
  return { text: out2, truncated: false };
}
var ALWAYS_ESCAPED = /* @__PURE__ */ new Set(["\\", "`", "*", "_", "[", "]", "(", ")", "!", "#", "~", "|"]);
function escapeRevealed(text2) {
  if (!/[&<>@#\\`*_[\]()!~|$:.\-+= ]/.test(text2)) return text2;
  let out2 = "";
  let digitsSoFar = true;
  for (let i2 = 0; i2 < text2.length; i2++) {
    const c = text2[i2];
    const next = text2[i2 + 1];
    const number = digitsSoFar && i2 > 0;
    digitsSoFar &&= c >= "0" && c <= "9";
    if (c === "&") out2 += "&amp;";
    else if (c === "<") out2 += "&lt;";
    else if (c === ">") out2 += "&gt;";
    else if (c === "$") out2 += "&#36;";
    else if (c === "@") out2 += "@" + ZWJ;
    else if (c === "#") out2 += next === void 0 || /[0-9]/.test(next) ? "\\#" + ZWJ : "\\#";
    else if (ALWAYS_ESCAPED.has(c)) out2 += "\\" + c;
    else if (c === ":" && (next === void 0 || next === "/")) out2 += "\\:";
    else if (c === "." && (number && (next === void 0 || next === " ") || /www$/i.test(text2.slice(Math.max(0, i2 - 3), i2))))
      out2 += "\\.";
    else if (i2 === 0 && (c === "-" || c === "+" || c === "=")) out2 += "\\" + c;
    else if (i2 === 0 && c === " ") out2 += "&#32;";
    else out2 += c;
  }
  return out2;
}
function inlineText(s, max = MAX_TEXT) {
  const { text: text2, truncated } = reveal(s, max);
  return escapeRevealed(text2) + (truncated ? "\u2026" : "");
}
function tableCell(s, max = MAX_CELL) {
  return inlineText(s, max);
}
function codeSpan(content) {
  let longest = 0;
  for (const run3 of content.match(/`+/g) ?? []) longest = Math.max(longest, run3.length);
  const fence = "`".repeat(longest + 1);
  const allSpaces = /^ +$/.test(content);
  const pad = content.startsWith("`") || content.endsWith("`") || !allSpaces && content.startsWith(" ") && content.endsWith(" ") ? " " : "";
  return fence + pad + content + pad + fence;
}
function inlineCode(s, max = MAX_CODE) {
  if (s === "") return "*(empty)*";
  const { text: text2, truncated } = reveal(s, max);
  const parts3 = [];
  let current = "";
  for (let i2 = 0; i2 < text2.length; i2++) {
    const c = text2[i2];
    if (c === "|" || c === "!" && text2[i2 - 1] === "<") {
      if (current) parts3.push(codeSpan(current));
      parts3.push("\\" + c);
      current = "";
    } else current += c;
  }
  if (current) parts3.push(codeSpan(current));
  return parts3.join("") + (truncated ? "\u2026" : "");
}
function safeUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:" || parsed.username || parsed.password)
    return null;
  const href = parsed.href.replace(
    /[\s()<>[\]`\\"'|{}^]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
  return /^[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$/.test(href) ? href : null;
}
function link(label, url) {
  const href = safeUrl(url);
  return href ? `[${label}](${href})` : label;
}
function richText(s, max = MAX_TEXT) {
  const parts3 = s.split("`");
  if (parts3.length % 2 === 0 || parts3.length === 1) return inlineText(s, max);
  let budget = max;
  const out2 = [];
  for (let i2 = 0; i2 < parts3.length && budget > 0; i2++) {
    const piece = [...parts3[i2]].slice(0, budget).join("");
    budget -= [...parts3[i2]].length;
    if (i2 % 2 === 1) out2.push(piece === "" ? "" : inlineCode(piece, MAX_CODE));
    else out2.push(inlineText(piece, max));
  }
  return out2.join("") + (budget < 0 ? "\u2026" : "");
}

// src/core/render/changelog.ts
var CHANGELOG_SECTIONS = ["Breaking", "Added", "Changed", "Removed"];
var NO_CHANGES = "No changes to the FFI surface.";
var UNRELEASED = "Unreleased";
var MAX_NAME = 200;
var MAX_MESSAGE = 500;
var MAX_SIGNATURE = 300;
var MAX_VERSION = 100;
var SEVERITY_LABEL = {
  breaking: "**Breaking:**",
  "potentially-breaking": "*Potentially breaking:*",
  addition: "*Addition:*",
  "non-abi": "*Non-ABI:*"
};
function isRemoval(c) {
  return /-removed$/.test(c.rule) && c.severity !== "addition";
}
function changelogSection(c) {
  if (isRemoval(c)) return "Removed";
  switch (c.severity) {
    case "breaking":
      return "Breaking";
    case "addition":
      return "Added";
    default:
      return "Changed";
  }
}
function itemName(c) {
  return c.symbol !== void 0 && c.symbol !== c.name ? `${inlineCode(c.symbol, MAX_NAME)} (Rust ${inlineCode(c.name, MAX_NAME)})` : inlineCode(c.symbol ?? c.name, MAX_NAME);
}
function signature(c) {
  if (c.before !== null && c.after !== null)
    return c.before === c.after ? ` \u2014 ${inlineCode(c.after, MAX_SIGNATURE)}` : ` \u2014 ${inlineCode(c.before, MAX_SIGNATURE)} \u2192 ${inlineCode(c.after, MAX_SIGNATURE)}`;
  if (c.after !== null) return ` \u2014 ${inlineCode(c.after, MAX_SIGNATURE)}`;
  if (c.before !== null) return ` \u2014 was ${inlineCode(c.before, MAX_SIGNATURE)}`;
  return "";
}
function changeEntry(c, options = {}) {
  const label = options.label ? `${SEVERITY_LABEL[c.severity] ?? inlineText(String(c.severity), 30)} ` : "";
  return `${label}${itemName(c)}: ${richText(c.message, MAX_MESSAGE)}${signature(c)}`;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var SEVERITY_ORDER = {
  breaking: 0,
  "potentially-breaking": 1,
  addition: 2,
  "non-abi": 3
};
function entryOrder(a, b) {
  return (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || cmp(a.symbol ?? a.name, b.symbol ?? b.name) || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}
function heading(version, date, crate) {
  const v = `[${version === UNRELEASED ? UNRELEASED : inlineText(version, MAX_VERSION)}]`;
  const d = date !== void 0 && date !== "" && version !== UNRELEASED ? ` - ${inlineText(date, 40)}` : "";
  const name2 = crate === null ? "" : crate === "" ? "*(no crate)* " : `${inlineCode(crate, MAX_NAME)} `;
  return `## ${name2}${v}${d}`;
}
function blockVersion(report, crate, options) {
  if (options.version !== void 0 && options.version !== "") return options.version;
  const v = report.crates.find((c) => c.name === crate);
  return v && v.headVersion !== null && v.headVersion !== v.baseVersion ? v.headVersion : UNRELEASED;
}
function renderChangelog(report, options = {}) {
  if (report.changes.length === 0) {
    const lines2 = options.version !== void 0 && options.version !== "" ? [heading(options.version, options.date, null), "", NO_CHANGES] : [NO_CHANGES];
    return lines2.join("\n") + "\n";
  }
  const crates = [...new Set(report.changes.map((c) => c.crate))].sort(cmp);
  const lines = [];
  for (const crate of crates) {
    if (lines.length) lines.push("");
    const version = blockVersion(report, crate, options);
    lines.push(heading(version, options.date, crates.length > 1 ? crate : null));
    const changes = report.changes.filter((c) => c.crate === crate);
    for (const section of CHANGELOG_SECTIONS) {
      const entries = changes.filter((c) => changelogSection(c) === section).sort(entryOrder);
      if (!entries.length) continue;
      const label = section === "Changed" || section === "Removed";
      lines.push("", `### ${section}`, "", ...entries.map((c) => `- ${changeEntry(c, { label })}`));
    }
  }
  return lines.join("\n") + "\n";
}

// src/cli/commands/changelog.ts
var CHANGELOG_USAGE_LINE = "changelog     --base REV [--head REV] [--root DIR] [feature flags] [--version X] [--date YYYY-MM-DD]";
var ALLOWED = /* @__PURE__ */ new Set([
  "--root",
  "--base",
  "--head",
  "--features",
  "--all-features",
  "--no-default-features"
]);
var OWN = ["--version", "--date"];
function liftOwnOptions(argv) {
  const rest = [];
  const own = {};
  for (let i2 = 0; i2 < argv.length; i2++) {
    const a = argv[i2];
    const flag = OWN.find((f) => a === f || a.startsWith(`${f}=`));
    if (!flag) {
      rest.push(a);
      continue;
    }
    let value = a.length > flag.length ? a.slice(flag.length + 1) : argv[++i2];
    if (value === void 0 || value === "" || a === flag && value.startsWith("--"))
      throw new UsageError(`${flag} needs a value`);
    value = value.trim();
    if (new RegExp("\\p{Cc}", "u").test(value)) throw new UsageError(`${flag} must not contain control characters`);
    if (own[flag] !== void 0) throw new UsageError(`${flag} given twice`);
    own[flag] = value;
  }
  if (own["--date"] !== void 0 && !/^\d{4}-\d{2}-\d{2}$/.test(own["--date"]))
    throw new UsageError(`--date must be YYYY-MM-DD (got ${JSON.stringify(own["--date"])})`);
  return { rest, version: own["--version"], date: own["--date"] };
}
async function releaseDate(root, headSha) {
  if (headSha === null) return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const out2 = (await git(root, ["show", "-s", "--format=%cs", headSha])).trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(out2) ? out2 : (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function changelogCommand(argv) {
  const own = liftOwnOptions(argv);
  const args2 = parseArgs(["changelog", ...own.rest]);
  if (args2.flags.has("--help"))
    return { stdout: `usage:
  ${TOOL_NAME} ${CHANGELOG_USAGE_LINE}
`, exitCode: 0 };
  for (const flag of args2.flags.keys())
    if (!ALLOWED.has(flag)) throw new UsageError(`unknown option ${JSON.stringify(flag)} for changelog`);
  const base = stringFlag(args2, "--base");
  if (!base) throw new UsageError("changelog needs --base REV");
  const root = stringFlag(args2, "--root") ?? ".";
  const analysis = await analyseDiff({
    root,
    base,
    head: stringFlag(args2, "--head"),
    features: featureSelection(args2),
    useMergeBase: false
  });
  const date = own.date ?? (own.version !== void 0 ? await releaseDate(root, analysis.headSha) : void 0);
  const stdout = renderChangelog(analysis.report, { version: own.version, date });
  const errors = analysis.report.diagnostics.filter((d) => d.level === "error").length;
  const warnings = [
    ...analysis.warnings,
    ...errors ? [`${errors} ${errors === 1 ? "error" : "errors"} during analysis: the changelog may be incomplete`] : []
  ];
  return { stdout, exitCode: 0, error: warnings.length ? `warning: ${warnings.join("; ")}` : void 0 };
}

// src/core/findings/rust-type.ts
var MAX_TYPE_LENGTH = 4096;
var MAX_DEPTH = 48;
function tokenize(text2) {
  const out2 = [];
  let i2 = 0;
  while (i2 < text2.length) {
    const c = text2[i2];
    if (/\s/.test(c)) {
      i2++;
      continue;
    }
    if (c === '"') {
      let j = i2 + 1;
      while (j < text2.length && text2[j] !== '"') j += text2[j] === "\\" ? 2 : 1;
      out2.push({ t: text2.slice(i2 + 1, j), kind: "str", from: i2, to: j + 1 });
      i2 = j + 1;
      continue;
    }
    if (c === "'") {
      const m = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(text2.slice(i2));
      if (!m) return null;
      out2.push({ t: m[0], kind: "lifetime", from: i2, to: i2 + m[0].length });
      i2 += m[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_]+/.exec(text2.slice(i2));
    if (word) {
      out2.push({ t: word[0], kind: "ident", from: i2, to: i2 + word[0].length });
      i2 += word[0].length;
      continue;
    }
    const multi = ["::", "->", "..."].find((p) => text2.startsWith(p, i2));
    if (multi) {
      out2.push({ t: multi, kind: "punct", from: i2, to: i2 + multi.length });
      i2 += multi.length;
      continue;
    }
    out2.push({ t: c, kind: "punct", from: i2, to: i2 + 1 });
    i2++;
  }
  return out2;
}
var Parser3 = class {
  constructor(toks, text2) {
    this.toks = toks;
    this.text = text2;
  }
  toks;
  text;
  i = 0;
  get done() {
    return this.i >= this.toks.length;
  }
  peek(offset = 0) {
    return this.toks[this.i + offset];
  }
  eat(t2) {
    if (this.peek()?.t === t2) {
      this.i++;
      return true;
    }
    return false;
  }
  expect(t2) {
    if (!this.eat(t2)) throw new Error(`expected ${t2}`);
  }
  /** Text of the tokens up to (not including) a top-level stop token. */
  until(stops) {
    const start2 = this.i;
    let depth = 0;
    for (; ; ) {
      const tok = this.peek();
      if (!tok) break;
      if (depth === 0 && stops.has(tok.t)) break;
      if (tok.t === "(" || tok.t === "[" || tok.t === "<") depth++;
      if (tok.t === ")" || tok.t === "]" || tok.t === ">") {
        if (depth === 0) break;
        depth--;
      }
      this.i++;
    }
    return this.slice(start2, this.i);
  }
  slice(from, to) {
    if (to <= from) return "";
    return this.text.slice(this.toks[from].from, this.toks[to - 1].to);
  }
  type(depth) {
    if (depth > MAX_DEPTH) throw new Error("too deep");
    const tok = this.peek();
    if (!tok) throw new Error("unexpected end");
    if (tok.t === "*") {
      this.i++;
      const m = this.peek()?.t;
      if (m !== "const" && m !== "mut") throw new Error("bad pointer");
      this.i++;
      return { k: "ptr", mut: m === "mut", to: this.type(depth + 1) };
    }
    if (tok.t === "&") {
      this.i++;
      if (this.peek()?.kind === "lifetime") this.i++;
      const mut = this.eat("mut");
      return { k: "ref", mut, to: this.type(depth + 1) };
    }
    if (tok.t === "[") {
      this.i++;
      const of = this.type(depth + 1);
      if (this.eat(";")) {
        const len = this.until(/* @__PURE__ */ new Set(["]"]));
        this.expect("]");
        return { k: "array", of, len };
      }
      this.expect("]");
      return { k: "slice", of };
    }
    if (tok.t === "(") {
      this.i++;
      const items = [];
      while (!this.eat(")")) {
        items.push(this.type(depth + 1));
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      return { k: "tuple", items };
    }
    if (tok.t === "!") {
      this.i++;
      return { k: "never" };
    }
    if (tok.t === "dyn" || tok.t === "impl") {
      this.i++;
      return { k: tok.t, bounds: this.until(/* @__PURE__ */ new Set([",", ";"])) };
    }
    if (tok.t === "for" && this.peek(1)?.t === "<") {
      this.i += 2;
      this.until(/* @__PURE__ */ new Set());
      this.expect(">");
      return this.type(depth + 1);
    }
    if (tok.t === "unsafe" || tok.t === "extern" || tok.t === "fn") return this.fnPointer(depth);
    if (tok.t === "<") {
      const start2 = this.i;
      this.i++;
      this.until(/* @__PURE__ */ new Set());
      this.expect(">");
      while (this.eat("::")) this.i++;
      return { k: "other", text: this.slice(start2, this.i) };
    }
    if (tok.kind === "ident") return this.path(depth);
    throw new Error(`unexpected ${tok.t}`);
  }
  fnPointer(depth) {
    let unsafe = false;
    let abi = null;
    if (this.eat("unsafe")) unsafe = true;
    if (this.eat("extern")) {
      const lit = this.peek();
      if (lit?.kind === "str") {
        abi = lit.t;
        this.i++;
      } else abi = "C";
    }
    this.expect("fn");
    this.expect("(");
    const params = [];
    while (!this.eat(")")) {
      if (this.eat("...")) continue;
      params.push(this.type(depth + 1));
      if (!this.eat(",")) {
        this.expect(")");
        break;
      }
    }
    const ret = this.eat("->") ? this.type(depth + 1) : null;
    return { k: "fn", abi, unsafe, params, ret };
  }
  path(depth) {
    let name2 = this.peek()?.t ?? "";
    this.i++;
    while (this.peek()?.t === "::" && this.peek(1)?.kind === "ident") {
      this.i++;
      name2 = this.peek()?.t ?? name2;
      this.i++;
    }
    const args2 = [];
    if (this.eat("::") && this.peek()?.t !== "<") throw new Error("bad path");
    if (this.eat("<")) {
      while (!this.eat(">")) {
        const a = this.peek();
        if (a?.kind === "lifetime") this.i++;
        else if (a?.kind === "ident" && this.peek(1)?.t === "=") {
          this.i += 2;
          args2.push(this.type(depth + 1));
        } else if (a?.kind === "ident" && /^[0-9]/.test(a.t)) this.i++;
        else args2.push(this.type(depth + 1));
        if (!this.eat(",")) {
          this.expect(">");
          break;
        }
      }
    }
    if (name2 === "Self" || name2 === "_") return { k: "other", text: name2 };
    return { k: "path", name: name2, args: args2 };
  }
};
function parseType(text2) {
  const other = { k: "other", text: text2 };
  if (text2.length > MAX_TYPE_LENGTH) return other;
  const toks = tokenize(text2);
  if (!toks || toks.length === 0) return other;
  try {
    const p = new Parser3(toks, text2);
    const t2 = p.type(0);
    return p.done ? t2 : other;
  } catch {
    return other;
  }
}
function optionInner(t2) {
  return t2.k === "path" && t2.name === "Option" && t2.args.length === 1 ? t2.args[0] : null;
}
function wrapped(t2, name2) {
  return t2.k === "path" && t2.name === name2 && t2.args.length === 1 ? t2.args[0] : null;
}
function renderType(t2) {
  switch (t2.k) {
    case "ptr":
      return `*${t2.mut ? "mut" : "const"} ${renderType(t2.to)}`;
    case "ref":
      return `&${t2.mut ? "mut " : ""}${renderType(t2.to)}`;
    case "slice":
      return `[${renderType(t2.of)}]`;
    case "array":
      return `[${renderType(t2.of)}; ${t2.len}]`;
    case "tuple":
      return t2.items.length === 1 ? `(${renderType(t2.items[0])},)` : `(${t2.items.map(renderType).join(", ")})`;
    case "fn": {
      const prefix = `${t2.unsafe ? "unsafe " : ""}${t2.abi !== null ? `extern "${t2.abi}" ` : ""}`;
      return `${prefix}fn(${t2.params.map(renderType).join(", ")})${t2.ret ? ` -> ${renderType(t2.ret)}` : ""}`;
    }
    case "dyn":
    case "impl":
      return `${t2.k} ${t2.bounds}`;
    case "path":
      return t2.args.length ? `${t2.name}<${t2.args.map(renderType).join(", ")}>` : t2.name;
    case "never":
      return "!";
    case "other":
      return t2.text;
  }
}

// src/core/findings/pointer-params.ts
var INTEGER_TYPES = /* @__PURE__ */ new Set([
  "usize",
  "isize",
  "u8",
  "u16",
  "u32",
  "u64",
  "i8",
  "i16",
  "i32",
  "i64",
  "size_t",
  "ssize_t",
  "c_size_t",
  "c_ssize_t",
  "uintptr_t",
  "c_int",
  "c_uint",
  "c_long",
  "c_ulong",
  "c_longlong",
  "c_ulonglong",
  "c_short",
  "c_ushort"
]);
var LENGTH_WORDS = /* @__PURE__ */ new Set([
  "len",
  "length",
  "size",
  "count",
  "cnt",
  "cap",
  "capacity",
  "n",
  "num",
  "nbytes",
  "bytes",
  "nelem",
  "nelems",
  "nmemb",
  "nitems",
  "sz"
]);
function thin(pointee) {
  return pointee.k !== "slice" && pointee.k !== "dyn" && !(pointee.k === "path" && pointee.name === "str");
}
function rawPointer(t2) {
  if (t2.k === "ptr") return thin(t2.to);
  const inner = optionInner(t2);
  const nonNull = inner && wrapped(inner, "NonNull");
  return !!nonNull && thin(nonNull);
}
function pointsToCChar(t2) {
  let cur = t2;
  let pointers = 0;
  while (cur.k === "ptr") {
    cur = cur.to;
    pointers++;
  }
  return pointers > 0 && cur.k === "path" && cur.name === "c_char";
}
function integer(t2) {
  return t2.k === "path" && t2.args.length === 0 && INTEGER_TYPES.has(t2.name);
}
function lengthType(t2) {
  if (integer(t2)) return true;
  return (t2.k === "ptr" || t2.k === "ref") && integer(t2.to);
}
function lengthName(name2) {
  const lower = name2.toLowerCase();
  if (lower.split("_").some((w) => LENGTH_WORDS.has(w))) return true;
  if (/(len|length|size|count|cnt|cap|capacity)$/.test(lower)) return true;
  return /^(n|num)_?[a-z]+s$/.test(lower);
}
function namesLengthOf(ptr, len) {
  const l = len.toLowerCase();
  const stems = /* @__PURE__ */ new Set([ptr.toLowerCase()]);
  if (/s$/.test(ptr)) stems.add(ptr.toLowerCase().slice(0, -1));
  for (const stem2 of stems) {
    if (!stem2) continue;
    if (l.startsWith(stem2)) {
      const rest = l.slice(stem2.length).replace(/^_/, "");
      if (LENGTH_WORDS.has(rest) || rest === "length") return true;
    }
    for (const prefix of ["n_", "num_", "n", "num"]) if (l === prefix + ptr.toLowerCase()) return true;
  }
  return false;
}
function pointerParams(fn) {
  const parsed = fn.params.map((p) => parseType(p.type));
  const isLength = (i2) => {
    const p = fn.params[i2];
    return p !== void 0 && lengthType(parsed[i2]) && lengthName(p.name);
  };
  const pointers = [];
  parsed.forEach((t2, i2) => {
    if (rawPointer(t2)) pointers.push(i2);
  });
  const lengthOf = /* @__PURE__ */ new Map();
  const used = /* @__PURE__ */ new Set();
  for (const i2 of pointers) {
    for (let j = 0; j < fn.params.length; j++) {
      if (j === i2 || used.has(j) || !lengthType(parsed[j])) continue;
      if (namesLengthOf(fn.params[i2].name, fn.params[j].name)) {
        lengthOf.set(i2, j);
        used.add(j);
        break;
      }
    }
  }
  for (const i2 of pointers) {
    if (lengthOf.has(i2)) continue;
    for (const j of [i2 + 1, i2 - 1]) {
      if (j < 0 || used.has(j) || pointers.includes(j) || !isLength(j)) continue;
      lengthOf.set(i2, j);
      used.add(j);
      break;
    }
  }
  const out2 = [];
  for (const i2 of pointers) {
    const j = used.has(i2) ? void 0 : lengthOf.get(i2);
    const param = fn.params[i2];
    if (j !== void 0) out2.push({ param, index: i2, role: { kind: "buffer", len: fn.params[j] } });
    else if (pointsToCChar(parsed[i2])) out2.push({ param, index: i2, role: { kind: "c-string" } });
    else out2.push({ param, index: i2, role: { kind: "raw" } });
  }
  return out2;
}

// src/core/findings/rules/buffer-param.ts
var bufferParam = {
  id: "buffer-param",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a pointer and length pair is only as safe as the length; a wrong length or an overflowing `len * size` reads or writes out of bounds",
  checklist: "bounds come only from the length parameter, `len * size_of::<T>()` uses checked arithmetic, NULL with a non-zero length is rejected, and `slice::from_raw_parts` never gets NULL (even for length 0)",
  check(item) {
    if (item.kind !== "function") return [];
    const out2 = [];
    for (const p of pointerParams(item)) {
      if (p.role.kind !== "buffer") continue;
      out2.push({
        message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\` with length \`${p.role.len.name}\` (\`${p.role.len.type}\`)`
      });
    }
    return out2;
  }
};

// src/core/findings/rules/callback-param.ts
function fnPointer(t2, aliases, depth = 0) {
  if (depth > 8) return null;
  if (t2.k === "fn") return { nullable: false };
  const inner = optionInner(t2);
  if (inner) {
    const f = fnPointer(inner, aliases, depth + 1);
    return f ? { nullable: true } : null;
  }
  if (t2.k === "path" && t2.args.length === 0) {
    const target = aliases.get(t2.name);
    if (target !== void 0) return fnPointer(parseType(target), aliases, depth + 1);
  }
  return null;
}
var callbackParam = {
  id: "callback-param",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a callback runs foreign code inside the library, where reentrancy, other threads and unwinding can break aliasing and thread-safety guarantees",
  checklist: "reentrancy is safe, the threads it runs on are documented, a panic or foreign unwind in it cannot cross the boundary, NULL is handled, and captured state (user data) outlives every call",
  check(item, ctx) {
    if (item.kind !== "function") return [];
    const context = item.params.filter((p) => /^\*(const|mut) c_void$/.test(p.type)).map((p) => p.name);
    const out2 = [];
    for (const p of item.params) {
      const f = fnPointer(parseType(p.type), ctx.types.aliases);
      if (!f) continue;
      let message = `parameter \`${p.name}\` is a callback \`${p.type}\``;
      if (!f.nullable) message += ", not an `Option`, so a NULL from C is undefined behaviour";
      if (context.length > 0)
        message += `; its state travels in ${context.map((c) => `\`${c}\``).join(", ")}`;
      out2.push({ message });
    }
    return out2;
  }
};

// src/core/findings/rules/c-string-param.ts
var cStringParam = {
  id: "c-string-param",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a C string is trusted to be NUL-terminated, so a missing terminator reads past the end of the allocation",
  checklist: "NULL is checked, the string is NUL-terminated (read through `CStr::from_ptr`), UTF-8 is validated before it becomes `&str`, and its length is bounded",
  check(item) {
    if (item.kind !== "function") return [];
    return pointerParams(item).filter((p) => p.role.kind === "c-string").map((p) => {
      const nested = /^\*(const|mut) \*/.test(p.param.type);
      const what = nested ? "a pointer to C strings" : "a C string";
      return { message: `parameter \`${p.param.name}\` is ${what} \`${p.param.type}\`` };
    });
  }
};

// src/core/findings/rules/exposure-widened.ts
function enabled(cfg, features) {
  if (cfg === null) return true;
  const pred = parseCfg(cfg);
  return pred ? evalCfg(pred, { features: new Set(features) }) : null;
}
function required(p, out2) {
  if (p.op === "kv" && p.key === "feature") out2.add(p.value);
  else if (p.op === "all" || p.op === "any") for (const a of p.args) required(a, out2);
  return out2;
}
function featuresOf(cfg) {
  const p = cfg === null ? null : parseCfg(cfg);
  return p ? required(p, /* @__PURE__ */ new Set()) : /* @__PURE__ */ new Set();
}
function describe(item, gate, baseFeatures) {
  const now = featuresOf(item.cfg);
  const gating = [...featuresOf(gate)].filter((f) => !baseFeatures.includes(f)).sort();
  const madeDefault = gating.filter((f) => now.has(f));
  const ungated = gating.filter((f) => !now.has(f));
  const parts3 = [];
  if (ungated.length) parts3.push(`it left the ${ungated.map((f) => `\`${f}\``).join(", ")} feature gate`);
  if (madeDefault.length)
    parts3.push(
      `${madeDefault.map((f) => `\`${f}\``).join(", ")} ${madeDefault.length > 1 ? "are" : "is"} now enabled by default`
    );
  const how = parts3.length ? parts3.join(" and ") : "its gate no longer applies";
  return {
    message: `\`${item.name}\` was behind \`cfg(${gate})\`, off in the base's default build, and is in the head's: ${how}`
  };
}
var exposureWidened = {
  id: "exposure-widened",
  level: "medium",
  kinds: ["function", "static", "struct", "union", "enum", "type", "const", "import"],
  rationale: "contract: an item that leaves a non-default feature gate is compiled into every default build, so the attack surface grows for every user",
  checklist: "the capability should be on by default, and users who never enabled the feature are ready to ship it",
  check(item, ctx) {
    if (enabled(item.cfg, ctx.crate.features) === false) return [];
    const baseFeatures = ctx.base?.features ?? ctx.crate.features;
    if (ctx.before) {
      if (ctx.before.cfg !== null && enabled(ctx.before.cfg, baseFeatures) === false)
        return [describe(item, ctx.before.cfg, baseFeatures)];
      return [];
    }
    const symbol = item.kind === "function" || item.kind === "static" || item.kind === "import" ? item.symbol : void 0;
    const gated = ctx.base?.gated?.find(
      (g) => g.kind === item.kind && g.name === item.name && (symbol === void 0 || g.symbol === void 0 || g.symbol === symbol)
    );
    return gated ? [describe(item, gated.cfg, baseFeatures)] : [];
  }
};

// src/core/findings/rules/hidden-export.ts
var hiddenExport = {
  id: "hidden-export",
  level: "low",
  kinds: ["function", "static"],
  rationale: "hygiene: `#[no_mangle]` exports a symbol whatever the visibility, so a private helper silently becomes attack surface",
  checklist: "the export is intended (make the item `pub` to say so), or the export attribute is removed",
  check(item) {
    if (item.kind !== "function" && item.kind !== "static" || item.visibility === "pub") return [];
    const vis = item.visibility === "private" ? "private" : `only \`${item.visibility}\``;
    const via = item.macro ? ` (made by macro \`${item.macro}!\`)` : "";
    return [
      {
        message: `\`${item.name}\` is ${vis}${via}, yet its export attribute makes it a public symbol of the library`
      }
    ];
  }
};

// src/core/findings/ownership.ts
var DESTRUCTOR_VERBS = [
  "free",
  "destroy",
  "release",
  "delete",
  "drop",
  "close",
  "dealloc",
  "dispose",
  "unref"
];
var CONSTRUCTOR_WORDS = /* @__PURE__ */ new Set([
  "new",
  "create",
  "alloc",
  "allocate",
  "clone",
  "dup",
  "duplicate",
  "copy",
  "open",
  "make",
  "build",
  "init",
  "from",
  "into",
  "to",
  "load",
  "parse",
  "spawn",
  "connect",
  "acquire",
  "concat",
  "join",
  "format",
  "serialize",
  "encode",
  "decode"
]);
var ACCESSOR_WORDS = /* @__PURE__ */ new Set([
  "get",
  "as",
  "ptr",
  "data",
  "borrow",
  "peek",
  "ref",
  "inner",
  "head",
  "tail",
  "first",
  "last",
  "next",
  "prev",
  "current",
  "at",
  "slot",
  "global",
  "instance",
  "singleton",
  "static",
  "view",
  "field",
  "base"
]);
function words(name2) {
  return name2.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function isDestructorName(name2) {
  return words(name2).some((w) => DESTRUCTOR_VERBS.includes(w));
}
function designated(t2) {
  if (t2.k === "ptr") return t2.to;
  const inner = optionInner(t2) ?? t2;
  return wrapped(inner, "Box") ?? wrapped(inner, "NonNull");
}
function levels(t2) {
  const out2 = [];
  let d = designated(t2) ?? (t2.k === "ref" ? t2.to : null);
  for (let i2 = 0; d && i2 < 8; i2++) {
    out2.push(renderType(d));
    d = designated(d) ?? (d.k === "ref" ? d.to : null);
  }
  return out2;
}
function ownedReturn(fn) {
  if (!fn.returns) return null;
  const t2 = parseType(fn.returns);
  const pointee = designated(t2);
  if (!pointee) return null;
  const boxed = t2.k !== "ptr" && (wrapped(t2, "Box") !== null || wrapped(optionInner(t2) ?? t2, "Box") !== null);
  if (boxed) return { type: fn.returns, pointee };
  if (isDestructorName(fn.name)) return null;
  const ws = words(fn.name);
  if (ws.some((w) => CONSTRUCTOR_WORDS.has(w))) return { type: fn.returns, pointee };
  if (t2.k === "ptr" && !t2.mut) return null;
  if (ws.some((w) => ACCESSOR_WORDS.has(w))) return null;
  const same = renderType(pointee);
  if (fn.params.some((p) => levels(parseType(p.type)).includes(same))) return null;
  return { type: fn.returns, pointee };
}
function destructorsOf(crate, pointee) {
  const want = renderType(pointee);
  const out2 = [];
  for (const it of crate.items) {
    if (it.kind !== "function" || !isDestructorName(it.name) && !isDestructorName(it.symbol)) continue;
    const frees = it.params.some(
      (p) => levels(parseType(p.type)).some((got) => got === want || got === "c_void")
    );
    if (frees) out2.push(it.symbol);
  }
  return out2.sort();
}

// src/core/findings/rules/missing-destructor.ts
var missingDestructor = {
  id: "missing-destructor",
  level: "medium",
  kinds: ["function"],
  rationale: "contract: ownership handed to the caller needs a matching destructor in this library, or it leaks or gets freed by the wrong allocator",
  checklist: "ownership transfer is documented and a matching destructor export exists (`*_free`, `*_destroy`, `*_release`, ...), or the pointer is borrowed and its lifetime is documented",
  check(item, ctx) {
    if (item.kind !== "function") return [];
    const owned = ownedReturn(item);
    if (!owned) return [];
    if (destructorsOf(ctx.crate, owned.pointee).length > 0) return [];
    const pointee = renderType(owned.pointee);
    return [
      {
        message: `returns \`${owned.type}\`, and no export named \`*_free\`, \`*_destroy\`, \`*_release\`, \`*_delete\`, \`*_drop\` or \`*_close\` takes a \`${pointee}\` pointer to free it`
      }
    ];
  }
};

// src/core/findings/rules/missing-safety-doc.ts
var missingSafetyDoc = {
  id: "missing-safety-doc",
  level: "medium",
  kinds: ["function"],
  rationale: "documentation: an `unsafe` export without a `# Safety` section leaves the obligations of its callers unwritten",
  checklist: "the contract (pointer validity, lifetimes, threads, ownership) is written down in a `# Safety` doc section",
  check(item) {
    if (item.kind !== "function" || !item.unsafe || item.doc.safety) return [];
    const why = item.doc.present ? "its doc comment has no `# Safety` section" : "it has no doc comment";
    return [{ message: `\`unsafe\` export \`${item.name}\`: ${why}` }];
  }
};

// src/core/findings/rules/mutable-global.ts
var SCREAMING = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
var mutableGlobal = {
  id: "mutable-global",
  level: "high",
  kinds: ["function", "static"],
  rationale: "memory safety: unsynchronised reads and writes of a `static mut` from several threads (or from C) are a data race, which is undefined behaviour",
  checklist: "access is synchronised (atomics, a lock, or documented single-threaded use) and the reset semantics are defined",
  check(item, ctx) {
    if (item.kind === "static") {
      if (!item.mutable) return [];
      return [
        {
          message: `exported \`static mut ${item.name}: ${item.type}\` can be read and written by Rust and C with no synchronisation`
        }
      ];
    }
    if (item.kind !== "function") return [];
    const exported = /* @__PURE__ */ new Map();
    for (const it of ctx.crate.items) if (it.kind === "static" && it.mutable) exported.set(it.name, it.type);
    const out2 = [];
    for (const name2 of item.body.assigns) {
      const type = exported.get(name2);
      if (type !== void 0) out2.push({ message: `writes the exported \`static mut ${name2}: ${type}\`` });
      else if (SCREAMING.test(name2) && name2.length > 1)
        out2.push({ message: `writes \`${name2}\`, by its name a \`static mut\`` });
    }
    return out2;
  }
};

// src/core/findings/ffi-safety.ts
function typeEnv(crate) {
  const declared = /* @__PURE__ */ new Map();
  for (const d of crate.declaredTypes) declared.set(d.name, d);
  const aliases = /* @__PURE__ */ new Map();
  for (const it of crate.items) if (it.kind === "type") aliases.set(it.name, it.target);
  return { declared, aliases };
}
var PLAIN = /* @__PURE__ */ new Set([
  "i8",
  "i16",
  "i32",
  "i64",
  "u8",
  "u16",
  "u32",
  "u64",
  "isize",
  "usize",
  "f32",
  "f64",
  "bool"
]);
var UNSIZED_NAMES = /* @__PURE__ */ new Set(["str", "CStr", "OsStr", "Path"]);
var RUST_ONLY = /* @__PURE__ */ new Map([
  ["String", "a Rust-owned string with no C layout"],
  ["Vec", "a Rust-owned vector with no C layout"],
  ["VecDeque", "a Rust collection with no C layout"],
  ["HashMap", "a Rust collection with no C layout"],
  ["HashSet", "a Rust collection with no C layout"],
  ["BTreeMap", "a Rust collection with no C layout"],
  ["BTreeSet", "a Rust collection with no C layout"],
  ["CString", "a Rust-owned string with no C layout (pass `*const c_char` from `CString::into_raw`)"],
  ["OsString", "a Rust-owned string with no C layout"],
  ["PathBuf", "a Rust-owned path with no C layout"],
  ["Rc", "a Rust smart pointer with no C layout"],
  ["Arc", "a Rust smart pointer with no C layout"],
  ["Weak", "a Rust smart pointer with no C layout"],
  ["Cow", "a Rust enum with no C layout"],
  ["Mutex", "a Rust lock with no C layout"],
  ["RwLock", "a Rust lock with no C layout"],
  ["RefCell", "a Rust cell with no C layout"],
  ["Result", "a Rust enum with no C layout"],
  ["Duration", "a Rust struct with no C layout"],
  ["Instant", "a Rust struct with no C layout"],
  ["SystemTime", "a Rust struct with no C layout"]
]);
var TRANSPARENT = /* @__PURE__ */ new Set([
  "ManuallyDrop",
  "MaybeUninit",
  "Wrapping",
  "Cell",
  "UnsafeCell",
  "Pin",
  "Saturating"
]);
var INT_REPRS = /* @__PURE__ */ new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize", "isize"]);
var MAX_ALIAS_DEPTH = 16;
function resolveAlias(t2, env, depth) {
  let cur = t2;
  for (let i2 = depth; i2 < MAX_ALIAS_DEPTH; i2++) {
    if (cur.k !== "path" || cur.args.length > 0 || env.declared.has(cur.name)) return cur;
    const target = env.aliases.get(cur.name);
    if (target === void 0) return cur;
    cur = parseType(target);
  }
  return cur;
}
function isUnsized(t2, env) {
  const r = resolveAlias(t2, env, 0);
  return r.k === "slice" || r.k === "dyn" || r.k === "path" && UNSIZED_NAMES.has(r.name) && !env.declared.has(r.name);
}
function nullableInner(t2, env) {
  const r = resolveAlias(t2, env, 0);
  if (r.k === "ref") return !isUnsized(r.to, env);
  if (r.k === "fn") return r.abi !== null;
  if (r.k === "path") {
    if (r.name === "Box" || r.name === "NonNull") return r.args.length === 1 && !isUnsized(r.args[0], env);
    if (/^NonZero/.test(r.name)) return true;
  }
  return false;
}
function reprOk(d) {
  if (d.repr.includes("C") || d.repr.includes("transparent")) return true;
  return d.kind === "enum" && d.repr.some((r) => INT_REPRS.has(r));
}
function ffiProblem(t2, pos, env, depth = 0) {
  if (depth > MAX_ALIAS_DEPTH) return null;
  const r = resolveAlias(t2, env, 0);
  const shown = `\`${renderType(t2)}\``;
  switch (r.k) {
    case "ptr":
    case "ref":
      if (isUnsized(r.to, env))
        return `${shown} is a fat pointer (${pointerMeta(r.to, env)}), which C has no type for`;
      return null;
    case "slice":
      return pos === "pointee" ? null : `${shown} is unsized and cannot be passed by value`;
    case "dyn":
      return pos === "pointee" ? null : `${shown} is an unsized trait object`;
    case "impl":
      return `${shown} is a generic type, not a C type`;
    case "array":
      if (pos === "value")
        return `${shown} is an array by value, which C cannot pass (wrap it in a \`#[repr(C)]\` struct or pass a pointer)`;
      return pos === "pointee" ? null : ffiProblem(r.of, "field", env, depth + 1);
    case "tuple":
      if (r.items.length === 0) return null;
      return pos === "pointee" ? null : `${shown} is a tuple, which has no C layout`;
    case "fn": {
      if (r.abi === null) return `${shown} is a function pointer with the Rust ABI (use \`extern "C" fn\`)`;
      for (const p of r.params) {
        const inner = ffiProblem(p, "value", env, depth + 1);
        if (inner) return `in ${shown}: ${inner}`;
      }
      const ret = r.ret ? ffiProblem(r.ret, "value", env, depth + 1) : null;
      return ret ? `in ${shown}: ${ret}` : null;
    }
    case "never":
    case "other":
      return null;
    case "path":
      return pathProblem(r, shown, pos, env, depth);
  }
}
function pointerMeta(pointee, env) {
  const r = resolveAlias(pointee, env, 0);
  return r.k === "dyn" ? "address and vtable" : "address and length";
}
function pathProblem(r, shown, pos, env, depth) {
  if (pos === "pointee") return null;
  const local = env.declared.get(r.name);
  if (local) {
    if (reprOk(local)) return null;
    const what = local.kind === "enum" ? "an enum without `#[repr(C)]` or `#[repr(<int>)]`" : `a ${local.kind} without \`#[repr(C)]\``;
    return `${shown} is ${what}: its layout is unspecified (pass it behind a pointer, or give it a C representation)`;
  }
  if (PLAIN.has(r.name) || r.name.startsWith("c_")) return null;
  if (r.name === "char")
    return `${shown} is a 32-bit Unicode scalar with a validity invariant, not C \`char\` (use \`u32\` or \`c_char\`)`;
  if (r.name === "u128" || r.name === "i128") return `${shown} has no stable C ABI on every target`;
  if (UNSIZED_NAMES.has(r.name)) return `${shown} is unsized and cannot be passed by value`;
  const rustOnly = RUST_ONLY.get(r.name);
  if (rustOnly) return `${shown} is ${rustOnly}`;
  if (r.name === "Option" && r.args.length === 1) {
    if (nullableInner(r.args[0], env)) return null;
    return `${shown} has no C layout (only \`Option\` of a reference, \`Box\`, \`NonNull\`, \`NonZero*\` or an \`extern\` fn pointer is FFI-safe)`;
  }
  if ((r.name === "Box" || r.name === "NonNull") && r.args.length === 1) {
    return isUnsized(r.args[0], env) ? `${shown} is a fat pointer (${pointerMeta(r.args[0], env)}), which C has no type for` : null;
  }
  if (TRANSPARENT.has(r.name) && r.args.length === 1) return ffiProblem(r.args[0], pos, env, depth + 1);
  if (/^[A-Z]$/.test(r.name)) return `${shown} is a generic type parameter, not a C type`;
  return null;
}
function ffiProblemOf(type, pos, env) {
  return ffiProblem(parseType(type), pos, env);
}

// src/core/findings/rules/not-ffi-safe.ts
function fieldHits(fields, env, where2) {
  const out2 = [];
  for (const f of fields) {
    const problem = ffiProblemOf(f.type, "field", env);
    if (problem) out2.push({ message: `field \`${f.name}\`${where2} is not FFI-safe: ${problem}` });
  }
  return out2;
}
function signatureHits(params, returns, env) {
  const out2 = [];
  for (const p of params) {
    const problem = ffiProblemOf(p.type, "value", env);
    if (problem) out2.push({ message: `parameter \`${p.name}\` is not FFI-safe: ${problem}` });
  }
  if (returns) {
    const problem = ffiProblemOf(returns, "value", env);
    if (problem) out2.push({ message: `the return type is not FFI-safe: ${problem}` });
  }
  return out2;
}
function check(item, env) {
  switch (item.kind) {
    case "function":
      return signatureHits(item.params, item.returns, env);
    case "import":
      if (item.what === "function") return signatureHits(item.params ?? [], item.returns, env);
      return staticHit(item.type, env);
    case "static":
      return staticHit(item.type, env);
    case "struct":
    case "union":
      return fieldHits(item.fields, env, "");
    case "enum":
      return item.variants.flatMap((v) => fieldHits(v.fields ?? [], env, ` of variant \`${v.name}\``));
    default:
      return [];
  }
}
function staticHit(type, env) {
  if (!type) return [];
  const pos = "static";
  const problem = ffiProblemOf(type, pos, env);
  return problem ? [{ message: `the static's type is not FFI-safe: ${problem}` }] : [];
}
var notFfiSafe = {
  id: "not-ffi-safe",
  level: "high",
  kinds: ["function", "static", "import", "struct", "union", "enum"],
  rationale: "memory safety: with a type that has no C layout the caller and the library disagree on size, layout or calling convention, and memory is corrupted",
  checklist: "the type is replaced with a C-compatible one: a `#[repr(C)]` type, a pointer plus length, `*const c_char`, an integer, or a pointer to an opaque type",
  check(item, ctx) {
    return check(item, ctx.types);
  }
};

// src/core/findings/rules/not-unsafe-ptr-deref.ts
var notUnsafePtrDeref = {
  id: "not-unsafe-ptr-deref",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a safe fn that dereferences a raw-pointer parameter is unsound, because safe Rust may call it with any pointer",
  checklist: "the function is declared `unsafe` with a `# Safety` contract stating what the pointer must satisfy",
  check(item) {
    if (item.kind !== "function" || item.unsafe) return [];
    return item.body.derefs.map((name2) => {
      const type = item.params.find((p) => p.name === name2)?.type ?? "raw pointer";
      return {
        message: `safe export dereferences raw-pointer parameter \`${name2}\` (\`${type}\`): nothing stops a caller passing a dangling pointer`
      };
    });
  }
};

// src/core/findings/rules/panic-path.ts
var SHOWN = 5;
function show(what) {
  if (what === "indexing") return what;
  const m = /^(.*) in (\S+!)$/.exec(what);
  return m ? `\`${m[1]}\` in \`${m[2]}\`` : `\`${what}\``;
}
var panicPath = {
  id: "panic-path",
  level: "medium",
  kinds: ["function"],
  rationale: 'contract: a panic that reaches an `extern "C"` boundary aborts the host process, a denial of service any input that reaches it can trigger',
  checklist: "the panic cannot be reached from caller input, or the body runs inside `catch_unwind` (or a panic-boundary macro) and reports an error code",
  check(item) {
    if (item.kind !== "function" || item.body.panics.length === 0) return [];
    const panics = [...item.body.panics].sort((a, b) => a.line - b.line || a.what.localeCompare(b.what));
    const listed = panics.slice(0, SHOWN).map((p) => `${show(p.what)} (line ${p.line})`);
    const more = panics.length > SHOWN ? ` and ${panics.length - SHOWN} more` : "";
    return [
      {
        message: `\`${item.name}\` can panic outside \`catch_unwind\`: ${listed.join(", ")}${more}`,
        line: panics[0].line
      }
    ];
  }
};

// src/core/findings/rules/raw-pointer-param.ts
var rawPointerParam = {
  id: "raw-pointer-param",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a raw pointer from the caller can be NULL, dangling, misaligned or aliased, and every use of it is an unchecked obligation",
  checklist: "NULL is checked before use, alignment and lifetime are documented, and the pointer never aliases a live `&mut`",
  check(item) {
    if (item.kind !== "function") return [];
    return pointerParams(item).filter((p) => p.role.kind === "raw").map((p) => ({ message: `parameter \`${p.param.name}\` is a raw pointer \`${p.param.type}\`` }));
  }
};

// src/core/findings/rules/reference-param.ts
var referenceParam = {
  id: "reference-param",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a reference (or `NonNull`, `Box`) must never be NULL, and a NULL from a C caller is undefined behaviour before the body runs",
  checklist: "callers can pass NULL: take a raw pointer (or `Option<&T>`) and check it",
  check(item, ctx) {
    if (item.kind !== "function") return [];
    const out2 = [];
    for (const p of item.params) {
      const t2 = parseType(p.type);
      if (t2.k === "ref") {
        if (isUnsized(t2.to, ctx.types)) continue;
        const ptr = `*${t2.mut ? "mut" : "const"} ${renderType(t2.to)}`;
        out2.push({
          message: `parameter \`${p.name}\` is a reference \`${p.type}\`: a NULL from C is undefined behaviour (take \`${ptr}\` or \`Option<${p.type}>\`)`
        });
        continue;
      }
      const owned = wrapped(t2, "Box") ?? wrapped(t2, "NonNull");
      if (owned && !isUnsized(owned, ctx.types))
        out2.push({
          message: `parameter \`${p.name}\` is \`${p.type}\`, which cannot be NULL: a NULL from C is undefined behaviour (take \`Option<${p.type}>\`)`
        });
    }
    return out2;
  }
};

// src/core/findings/rules/rust-abi-export.ts
var rustAbiExport = {
  id: "rust-abi-export",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: the Rust ABI is unspecified, so a C or Go caller calls this symbol with the wrong calling convention and garbles its arguments",
  checklist: 'add `extern "C"`, or stop exporting the function',
  check(item) {
    if (item.kind !== "function" || item.abi !== "Rust") return [];
    const attr = item.export === "export_name" ? "`#[export_name]`" : "`#[no_mangle]`";
    return [{ message: `${attr} exports \`${item.name}\` with the Rust ABI, which C callers cannot call` }];
  }
};

// src/core/findings/rules/untested-export.ts
var untestedExport = {
  id: "untested-export",
  level: "low",
  kinds: ["function", "static"],
  rationale: "hygiene: an export that no test, bench or fuzz target names has had its boundary behaviour exercised by nobody",
  checklist: "a test or fuzz target covers the export, including its error and NULL paths",
  check(item) {
    if (item.kind !== "function" && item.kind !== "static" || item.tested !== false) return [];
    return [
      {
        message: `\`${item.name}\` is named in no test, bench, fuzz target, \`#[cfg(test)]\` code or Go \`_test.go\` file`
      }
    ];
  }
};

// src/core/findings/rules/unwinding-abi.ts
var unwindingAbi = {
  id: "unwinding-abi",
  level: "high",
  kinds: ["function"],
  rationale: "memory safety: a `-unwind` ABI lets a Rust panic unwind into the caller, which is undefined behaviour for Go (cgo) and for C frames",
  checklist: 'every caller can unwind through this frame; otherwise use `extern "C"` and turn panics into errors with `catch_unwind`',
  check(item) {
    if (item.kind !== "function" || !item.abi.endsWith("-unwind")) return [];
    return [
      {
        message: `\`${item.name}\` is declared \`extern "${item.abi}"\`: a panic in it unwinds into the Go or C caller`
      }
    ];
  }
};

// src/core/findings/catalogue.ts
var FINDING_RULES = [
  bufferParam,
  callbackParam,
  cStringParam,
  exposureWidened,
  hiddenExport,
  missingDestructor,
  missingSafetyDoc,
  mutableGlobal,
  notFfiSafe,
  notUnsafePtrDeref,
  panicPath,
  rawPointerParam,
  referenceParam,
  rustAbiExport,
  untestedExport,
  unwindingAbi
].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
var FINDING_RULE_IDS = FINDING_RULES.map((r) => r.id);

// src/core/findings/glob.ts
var cache = /* @__PURE__ */ new Map();
function globToRegExp(pattern) {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const p = normalisePath(pattern);
  let re = "";
  for (let i2 = 0; i2 < p.length; ) {
    if (p.startsWith("**/", i2)) {
      re += "(?:.*/)?";
      i2 += 3;
    } else if (p.startsWith("/**", i2) && i2 + 3 === p.length) {
      re += "(?:/.*)?";
      i2 += 3;
    } else if (p.startsWith("**", i2)) {
      re += ".*";
      i2 += 2;
    } else if (p[i2] === "*") {
      re += "[^/]*";
      i2++;
    } else if (p[i2] === "?") {
      re += "[^/]";
      i2++;
    } else {
      re += p[i2].replace(/[.+^${}()|[\]\\]/g, "\\$&");
      i2++;
    }
  }
  const compiled = new RegExp(`^${re}$`);
  if (cache.size > 1e3) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
function normalisePath(p) {
  return p.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}
function matchGlob(pattern, path3) {
  return globToRegExp(pattern).test(normalisePath(path3));
}

// src/core/findings/policy.ts
function suggestion(id) {
  const containing = id.length >= 4 ? FINDING_RULE_IDS.filter((k) => k.includes(id)) : [];
  if (containing.length === 1) return ` (did you mean "${containing[0]}"?)`;
  let best = null;
  let bestDistance = Infinity;
  for (const known of FINDING_RULE_IDS) {
    const d = editDistance(id, known);
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean "${best}"?)` : "";
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a.length; i2++) {
    let prev = row[0];
    row[0] = i2;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i2 - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
function validateFindingPolicy(policy) {
  const known = new Set(FINDING_RULE_IDS);
  for (const [id, level] of Object.entries(policy.levels ?? {})) {
    if (!known.has(id)) throw new Error(`unknown finding rule "${id}" in levels${suggestion(id)}`);
    if (level !== "off" && !FINDING_LEVELS.includes(level))
      throw new Error(
        `finding rule "${id}": level must be one of high, medium, low or off, not "${String(level)}"`
      );
  }
  for (const [id, scope] of Object.entries(policy.scopes ?? {})) {
    if (!known.has(id)) throw new Error(`unknown finding rule "${id}" in scopes${suggestion(id)}`);
    for (const key of ["include", "exclude"]) {
      const globs = scope[key];
      if (globs === void 0) continue;
      if (!Array.isArray(globs) || globs.some((g) => typeof g !== "string" || g.trim() === ""))
        throw new Error(`finding rule "${id}": scope ${key} must be a list of non-empty path globs`);
    }
  }
}
function effectiveLevel(policy, id, level) {
  return policy?.levels?.[id] ?? level;
}
function inScope(policy, id, file) {
  const scope = policy?.scopes?.[id];
  if (!scope) return true;
  if (scope.include && !scope.include.some((g) => matchGlob(g, file))) return false;
  if (scope.exclude && scope.exclude.some((g) => matchGlob(g, file))) return false;
  return true;
}

// src/core/findings/compute-findings.ts
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var levelRank = (l) => FINDING_LEVELS.indexOf(l);
function compareFindings(a, b) {
  return compare(a.crate, b.crate) || compare(a.symbol, b.symbol) || levelRank(a.level) - levelRank(b.level) || compare(a.rule, b.rule) || a.line - b.line || compare(a.message, b.message) || compare(a.file, b.file);
}
function computeFindings(items, crate, policy, options = {}) {
  if (policy) validateFindingPolicy(policy);
  const types = typeEnv(crate);
  const out2 = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { item, before } of items) {
    const ctx = { crate, types, changed: before !== void 0, before, base: options.base };
    for (const rule of FINDING_RULES) {
      if (!rule.kinds.includes(item.kind)) continue;
      const level = effectiveLevel(policy, rule.id, rule.level);
      if (level === "off" || !inScope(policy, rule.id, item.file)) continue;
      for (const hit of rule.check(item, ctx)) {
        const finding = {
          rule: rule.id,
          level,
          symbol: displayName(item),
          name: item.name,
          crate: crate.name,
          file: item.file,
          line: hit.line ?? item.line,
          message: hit.message,
          checklist: rule.checklist
        };
        const key = JSON.stringify([finding.rule, item.kind, finding.symbol, finding.line, finding.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        out2.push(finding);
      }
    }
  }
  return out2.sort(compareFindings);
}

// src/app/findings.ts
function computeReportFindings(policy) {
  return (items, crate, base) => computeFindings(items, crate, policy, base ? { base } : {});
}

// src/core/render/report-markdown.ts
var DEFAULT_MAX_CHARS = 6e4;
var MIN_MAX_CHARS = 1e3;
var MARKER_PREFIX = "<!-- ffi-surface-guard";
var SEVERITY_TITLE = {
  breaking: "\u{1F534} Breaking",
  "potentially-breaking": "\u{1F7E0} Potentially breaking",
  addition: "\u{1F7E2} Addition",
  "non-abi": "\u26AA Non-ABI"
};
var LEVEL_BADGE = {
  high: "\u{1F534} **high**",
  medium: "\u{1F7E0} **medium**",
  low: "\u{1F7E1} **low**"
};
var MAX_NAME2 = 200;
var MAX_SIGNATURE2 = 1e3;
var MAX_MESSAGE2 = 1e3;
var MAX_APPROVAL_LINES = 20;
var MAX_DIAGNOSTICS = 50;
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function countBy(items, keys, key) {
  const out2 = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const t2 of items) out2[key(t2)] += 1;
  return out2;
}
function groupBy(items, key) {
  const out2 = /* @__PURE__ */ new Map();
  for (const t2 of items) {
    const k = key(t2);
    const list = out2.get(k);
    if (list) list.push(t2);
    else out2.set(k, [t2]);
  }
  return out2;
}
function validMarker(marker) {
  return marker.startsWith(MARKER_PREFIX) && marker.endsWith("-->") && marker.indexOf("-->") === marker.length - 3 && marker.indexOf("<!--", 1) === -1 && !/[\r\n\u2028\u2029]/.test(marker);
}
function isSha(s) {
  return s !== void 0 && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(s);
}
function blobUrl(repo, sha, file, line) {
  if (reveal(file).text !== file) return null;
  const segments = file.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  const path3 = segments.map((s) => encodeURIComponent(s)).join("/");
  const anchor = Number.isInteger(line) && line > 0 ? `#L${line}` : "";
  return safeUrl(`${repo.replace(/\/+$/, "")}/blob/${sha}/${path3}${anchor}`);
}
function location(ctx, file, line, sha) {
  if (!file) return "";
  const label = inlineText(Number.isInteger(line) && line > 0 ? `${file}:${line}` : file, MAX_NAME2);
  const url = ctx.repo && sha ? blobUrl(ctx.repo, sha, file, line) : null;
  return url ? link(label, url) : label;
}
function ruleRef(ctx, rule) {
  const code = inlineCode(rule, 100);
  return ctx.docs && /^[a-z0-9][a-z0-9-]*$/.test(rule) ? link(code, `${ctx.docs}#rule-${rule}`) : code;
}
function exportName(symbol, name2) {
  return symbol !== void 0 && symbol !== name2 ? `${inlineCode(symbol, MAX_NAME2)} (Rust ${inlineCode(name2, MAX_NAME2)})` : inlineCode(symbol ?? name2, MAX_NAME2);
}
function crateTitle(ctx, crate) {
  const v = ctx.versions.get(crate);
  const name2 = crate ? `Crate ${inlineCode(crate, MAX_NAME2)}` : "No crate";
  if (!v) return name2;
  const base = v.baseVersion === null ? "new" : inlineCode(v.baseVersion, 50);
  const head = v.headVersion === null ? "removed" : inlineCode(v.headVersion, 50);
  return v.baseVersion === v.headVersion ? `${name2} ${base}` : `${name2} ${base} \u2192 ${head}`;
}
function verdict(report) {
  const bySeverity = countBy(report.changes, SEVERITIES, (c) => c.severity);
  const byLevel = countBy(report.findings, FINDING_LEVELS, (f) => f.level);
  const lines = [];
  if (!report.changes.length && !report.findings.length)
    lines.push("\u2705 **No change to the FFI surface.** Required semver bump: none.");
  else {
    const parts3 = [
      `${bySeverity.breaking} breaking`,
      `${bySeverity["potentially-breaking"]} potentially breaking`,
      plural(bySeverity.addition, "addition"),
      `${bySeverity["non-abi"]} non-ABI`
    ];
    const findings = report.findings.length ? `${plural(report.findings.length, "finding")} to review (${FINDING_LEVELS.map((l) => `${byLevel[l]} ${l}`).join(", ")})` : "no findings";
    lines.push(
      `**Required semver bump: ${inlineText(report.requiredBump, 10)}** \xB7 ${plural(report.changes.length, "change")} (${parts3.join(", ")}) \xB7 ${findings}`
    );
  }
  const errors = report.diagnostics.filter((d) => d.level === "error").length;
  if (errors)
    lines.push(
      "",
      `\u26A0\uFE0F **${plural(errors, "error")} during analysis:** the surface may be incomplete \u2014 see the diagnostics below.`
    );
  lines.push(
    "",
    `Base ${inlineCode(report.base.rev, 64)} \u2192 head ${inlineCode(report.head.rev, 64)} \xB7 delta digest ${inlineCode(report.deltaDigest, 80)}`
  );
  return lines;
}
function approvalSection(approval) {
  const lines = ["", `**Approval:** ${inlineText(approval.state, 300)}`];
  const shown = approval.lines.slice(0, MAX_APPROVAL_LINES);
  if (shown.length) lines.push("");
  for (const l of shown) lines.push(`- ${inlineText(l, 300)}`);
  if (approval.lines.length > shown.length)
    lines.push(`- \u2026 and ${approval.lines.length - shown.length} more`);
  return lines;
}
function summaryTable(report) {
  const bySeverity = countBy(report.changes, SEVERITIES, (c) => c.severity);
  return [
    "",
    "| Severity | Changes |",
    "| --- | ---: |",
    ...SEVERITIES.map((s) => `| ${SEVERITY_TITLE[s]} | ${bySeverity[s]} |`)
  ];
}
function changeLines(ctx, c) {
  const removal = c.before !== null && c.after === null;
  const where2 = location(ctx, c.file, c.line, removal ? ctx.baseSha : ctx.headSha);
  const lines = [
    `- ${ruleRef(ctx, c.rule)} ${inlineText(c.kind, 20)} ${exportName(c.symbol, c.name)} \u2014 ${richText(c.message, MAX_MESSAGE2)}${where2 ? ` (${where2})` : ""}`
  ];
  if (c.before !== null) lines.push(`  - before: ${inlineCode(c.before, MAX_SIGNATURE2)}`);
  if (c.after !== null) lines.push(`  - after: ${inlineCode(c.after, MAX_SIGNATURE2)}`);
  return lines;
}
var Bounded = class {
  constructor(budget) {
    this.budget = budget;
  }
  budget;
  lines = [];
  size = 0;
  add(...lines) {
    for (const l of lines) {
      this.lines.push(l);
      this.size += l.length + 1;
    }
    return this.size <= this.budget;
  }
};
function changeDetails(ctx, severity, changes) {
  const out2 = new Bounded(ctx.budget);
  out2.add("", `### ${SEVERITY_TITLE[severity]} (${changes.length})`);
  const byCrate = groupBy(changes, (c) => c.crate);
  for (const crate of [...byCrate.keys()].sort(cmp2)) {
    if (!out2.add("", `#### ${crateTitle(ctx, crate)}`, "")) return null;
    for (const c of byCrate.get(crate) ?? []) if (!out2.add(...changeLines(ctx, c))) return null;
  }
  return out2.lines;
}
function countTable(ctx, head, total, row, what) {
  const rows = new Bounded(ctx.budget);
  for (let i2 = 0; i2 < total; i2++) if (!rows.add(row(i2))) break;
  return {
    render: (limit) => {
      const shown = Math.min(limit, rows.lines.length);
      const out2 = shown > 0 ? [...head] : head.slice(0, -2);
      for (let i2 = 0; i2 < shown; i2++) out2.push(rows.lines[i2]);
      const rest = total - shown;
      const noun = rest === 1 ? what : `${what}s`;
      if (shown === 0) out2.push(`${rest} ${noun}, not shown.`);
      else if (rest > 0) out2.push("", `\u2026 and ${rest} more ${noun}.`);
      return out2;
    }
  };
}
function changeCountTable(ctx) {
  const byCrate = groupBy(ctx.report.changes, (c) => c.crate);
  const crates = [...byCrate.keys()].sort(cmp2);
  const row = (i2) => {
    const n = countBy(byCrate.get(crates[i2]) ?? [], SEVERITIES, (c) => c.severity);
    return `| ${crates[i2] ? tableCell(crates[i2]) : "*(none)*"} | ${SEVERITIES.map((s) => n[s]).join(" | ")} |`;
  };
  const head = [
    "",
    "### Changes by crate",
    "",
    `| Crate | ${SEVERITIES.map((s) => SEVERITY_TITLE[s]).join(" | ")} |`,
    `| --- | ${SEVERITIES.map(() => "---:").join(" | ")} |`
  ];
  return countTable(ctx, head, crates.length, row, "crate");
}
function exportGroups(findings) {
  const rank = (l) => FINDING_LEVELS.indexOf(l);
  const groups = [...groupBy(findings, (f) => `${f.crate}\0${f.symbol}`).values()].map((list) => ({
    crate: list[0].crate,
    symbol: list[0].symbol,
    // stable: input order within a level
    findings: [...list].sort((a, b) => rank(a.level) - rank(b.level)),
    counts: countBy(list, FINDING_LEVELS, (f) => f.level)
  }));
  return groups.sort(
    (a, b) => b.counts.high - a.counts.high || b.counts.medium - a.counts.medium || b.counts.low - a.counts.low || cmp2(a.crate, b.crate) || cmp2(a.symbol, b.symbol)
  );
}
var CHECKBOX_NOTE = "> Checkboxes are informational: ticking them approves nothing. Approval comes only from an approving pull-request review by a designated reviewer who is not the author, on this exact surface.";
function findingDetails(ctx, groups) {
  const out2 = new Bounded(ctx.budget);
  out2.add("", `### Review checklist (${plural(ctx.report.findings.length, "finding")})`, "", CHECKBOX_NOTE);
  for (const g of groups) {
    const first = g.findings[0];
    const where2 = location(ctx, first.file, first.line, ctx.headSha);
    const crate = g.crate ? ` in crate ${inlineCode(g.crate, MAX_NAME2)}` : "";
    if (!out2.add("", `#### ${exportName(g.symbol, first.name)}${crate}${where2 ? ` \xB7 ${where2}` : ""}`, ""))
      return null;
    for (const f of g.findings) {
      const fits = out2.add(
        `- [ ] ${LEVEL_BADGE[f.level]} ${ruleRef(ctx, f.rule)} \u2014 ${richText(f.message, MAX_MESSAGE2)}\\`,
        `  **Confirm:** ${richText(f.checklist, MAX_MESSAGE2)}`
      );
      if (!fits) return null;
    }
  }
  return out2.lines;
}
function findingCountTable(ctx, groups) {
  const row = (i2) => {
    const g = groups[i2];
    return `| ${tableCell(g.symbol)} | ${g.crate ? tableCell(g.crate) : "*(none)*"} | ${FINDING_LEVELS.map((l) => g.counts[l]).join(" | ")} |`;
  };
  const head = [
    "",
    `### Review checklist (${plural(ctx.report.findings.length, "finding")} on ${plural(groups.length, "export")})`,
    "",
    CHECKBOX_NOTE,
    "",
    "| Export | Crate | \u{1F534} high | \u{1F7E0} medium | \u{1F7E1} low |",
    "| --- | --- | ---: | ---: | ---: |"
  ];
  return countTable(ctx, head, groups.length, row, "export");
}
function diagnosticLine(d) {
  const where2 = d.file ? ` (${inlineText(d.line ? `${d.file}:${d.line}` : d.file, MAX_NAME2)})` : "";
  return `- **${d.level === "error" ? "error" : "warning"}** ${inlineCode(d.code, 60)} \u2014 ${inlineText(d.message, MAX_MESSAGE2)}${where2}`;
}
function diagnosticsSection(report, detail) {
  const ds = report.diagnostics;
  if (!ds.length) return [];
  const errors = ds.filter((d) => d.level === "error").length;
  const title = `Diagnostics: ${plural(errors, "error")}, ${plural(ds.length - errors, "warning")}`;
  if (!detail) {
    const byCode = groupBy(ds, (d) => d.code);
    const codes = [...byCode.keys()].sort(cmp2);
    const shown2 = codes.slice(0, 20).map((c) => `${inlineCode(c, 60)} \xD7 ${byCode.get(c)?.length ?? 0}`);
    if (codes.length > shown2.length) shown2.push(`\u2026 and ${plural(codes.length - shown2.length, "code")} more`);
    return ["", `**${title}** (${shown2.join(", ")})`];
  }
  const ordered = [...ds].sort((a, b) => a.level === b.level ? 0 : a.level === "error" ? -1 : 1);
  const shown = ordered.slice(0, MAX_DIAGNOSTICS).map(diagnosticLine);
  if (ordered.length > shown.length) shown.push(`- \u2026 and ${ordered.length - shown.length} more`);
  return ["", "<details>", `<summary>${title}</summary>`, "", ...shown, "", "</details>"];
}
var PLANS = [
  { nonAbiDetail: true, changeDetail: true, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: true, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: false, findingDetail: true, diagnosticDetail: true, rows: Infinity },
  { nonAbiDetail: false, changeDetail: false, findingDetail: false, diagnosticDetail: false, rows: Infinity }
];
function append(target, lines) {
  for (const l of lines) target.push(l);
}
function once(f) {
  let done = false;
  let value;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}
function bodyRenderer(ctx, approval) {
  const { report } = ctx;
  const top = once(() => {
    const lines = ["## FFI surface review", "", ...verdict(report)];
    if (approval) append(lines, approvalSection(approval));
    if (report.changes.length) append(lines, summaryTable(report));
    return lines;
  });
  const bySeverity = once(() => groupBy(report.changes, (c) => c.severity));
  const severityDetail = once(
    () => new Map([...bySeverity()].map(([s, list]) => [s, changeDetails(ctx, s, list)]))
  );
  const changeTable = once(() => changeCountTable(ctx));
  const groups = once(() => exportGroups(report.findings));
  const findingDetail = once(() => findingDetails(ctx, groups()));
  const findingTable = once(() => findingCountTable(ctx, groups()));
  const diagnostics = once(() => diagnosticsSection(report, true));
  const diagnosticCounts = once(() => diagnosticsSection(report, false));
  const footer = ["", `*${inlineText(report.tool.name, 60)} ${inlineText(report.tool.version, 30)}*`];
  return (plan) => {
    const lines = [];
    append(lines, top());
    if (report.changes.length) {
      if (plan.changeDetail) {
        for (const s of SEVERITIES) {
          const list = bySeverity().get(s);
          if (!list) continue;
          if (s === "non-abi" && !plan.nonAbiDetail)
            append(lines, [
              "",
              `### ${SEVERITY_TITLE[s]} (${list.length})`,
              "",
              "Details left out of this comment."
            ]);
          else {
            const detail = severityDetail().get(s);
            if (!detail) return null;
            append(lines, detail);
          }
        }
      } else append(lines, changeTable().render(plan.rows));
    }
    if (report.findings.length) {
      const findings = plan.findingDetail ? findingDetail() : findingTable().render(plan.rows);
      if (!findings) return null;
      append(lines, findings);
    }
    append(lines, plan.diagnosticDetail ? diagnostics() : diagnosticCounts());
    append(lines, footer);
    return lines;
  };
}
function truncationNotice(summaryUrl, dropped) {
  const href = summaryUrl ? safeUrl(summaryUrl) : null;
  const where2 = href && href.length <= 500 ? link("the job summary", href) : "the job summary";
  return `\u26A0\uFE0F **This report was truncated** to fit in a comment (${dropped.join(", ")}). The full report is in ${where2}.`;
}
function droppedParts(plan, hardCut) {
  const out2 = [];
  if (!plan.changeDetail) out2.push("changes shown as counts");
  else if (!plan.nonAbiDetail) out2.push("non-ABI change details left out");
  if (!plan.findingDetail) out2.push("findings shown as counts per export");
  if (!plan.diagnosticDetail) out2.push("diagnostics shown as counts");
  if (plan.rows !== Infinity) out2.push("table rows cut");
  if (hardCut) out2.push("cut at the size limit");
  return out2;
}
function join3(lines) {
  return lines.join("\n") + "\n";
}
function sizeOf(lines) {
  let n = 0;
  for (const l of lines) n += l.length + 1;
  return n;
}
function renderMarkdown(report, options = {}) {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS)
    throw new RangeError(`maxChars must be an integer of at least ${MIN_MAX_CHARS}`);
  if (options.marker !== void 0 && !validMarker(options.marker))
    throw new Error(`the marker must be one line of the form '${MARKER_PREFIX} \u2026 -->'`);
  const repo = options.repoUrl && safeUrl(options.repoUrl) ? options.repoUrl : null;
  const ctx = {
    report,
    repo,
    headSha: isSha(options.headSha) ? options.headSha : isSha(report.head.rev) ? report.head.rev : null,
    baseSha: isSha(report.base.rev) ? report.base.rev : null,
    docs: options.docsUrl && safeUrl(options.docsUrl) ? options.docsUrl.replace(/#.*$/, "") : null,
    versions: new Map(report.crates.map((c) => [c.name, c])),
    budget: maxChars
  };
  const head = options.marker !== void 0 ? [options.marker, ""] : [];
  const body2 = bodyRenderer(ctx, options.approval);
  const lines = (plan2, truncated, hardCut = false) => {
    const b = body2(plan2);
    if (!b) return null;
    const out3 = [...head];
    append(out3, b);
    if (truncated) out3.push("", truncationNotice(options.summaryUrl, droppedParts(plan2, hardCut)));
    return out3;
  };
  for (let i2 = 0; i2 < PLANS.length; i2++) {
    const out3 = lines(PLANS[i2], i2 > 0);
    if (out3 && sizeOf(out3) <= maxChars) return join3(out3);
  }
  const last = PLANS[PLANS.length - 1];
  let lo = 0;
  let hi = Math.max(report.changes.length, report.findings.length);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const out3 = lines({ ...last, rows: mid }, true);
    if (out3 && sizeOf(out3) <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const plan = { ...last, rows: lo };
  const out2 = lines(plan, true);
  if (out2 && sizeOf(out2) <= maxChars) return join3(out2);
  const notice = ["", truncationNotice(options.summaryUrl, droppedParts(plan, true))];
  const kept = [];
  let size = sizeOf(notice);
  for (const l of [...head, ...body2(plan) ?? []]) {
    if (size + l.length + 1 > maxChars) break;
    kept.push(l);
    size += l.length + 1;
  }
  append(kept, notice);
  return join3(kept);
}

// src/core/render/report-text.ts
function term(s) {
  return printable(reveal(s).text);
}
var SEVERITY_TITLE2 = {
  breaking: "breaking",
  "potentially-breaking": "potentially breaking",
  addition: "addition",
  "non-abi": "non-ABI"
};
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function plural2(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function count(items, pred) {
  return items.filter(pred).length;
}
function groupBy2(items, key) {
  const out2 = /* @__PURE__ */ new Map();
  for (const t2 of items) {
    const k = key(t2);
    const list = out2.get(k);
    if (list) list.push(t2);
    else out2.set(k, [t2]);
  }
  return out2;
}
function where(file, line) {
  if (!file) return "";
  return Number.isInteger(line) && line > 0 ? `${term(file)}:${line}` : term(file);
}
function exportName2(symbol, name2) {
  return symbol !== void 0 && symbol !== name2 ? `${term(symbol)} (Rust ${term(name2)})` : term(symbol ?? name2);
}
function changeLines2(c) {
  const loc = where(c.file, c.line);
  const lines = [
    `    ${term(c.rule)}  ${term(c.kind)} ${exportName2(c.symbol, c.name)}${loc ? `  ${loc}` : ""}`
  ];
  lines.push(`      ${term(c.message)}`);
  if (c.before !== null) lines.push(`      before: ${term(c.before)}`);
  if (c.after !== null) lines.push(`      after:  ${term(c.after)}`);
  return lines;
}
function crateTitle2(report, crate) {
  const v = report.crates.find((c) => c.name === crate);
  const name2 = crate ? `crate ${term(crate)}` : "no crate";
  if (!v) return name2;
  const base = v.baseVersion === null ? "new" : term(v.baseVersion);
  const head = v.headVersion === null ? "removed" : term(v.headVersion);
  return v.baseVersion === v.headVersion ? `${name2} ${base}` : `${name2} ${base} \u2192 ${head}`;
}
function findingGroups(findings) {
  const rank = (l) => FINDING_LEVELS.indexOf(l);
  const groups = [...groupBy2(findings, (f) => `${f.crate}\0${f.symbol}`).values()].map(
    (list) => [...list].sort((a, b) => rank(a.level) - rank(b.level))
  );
  const levels2 = (g) => FINDING_LEVELS.map((l) => count(g, (f) => f.level === l));
  return groups.sort((a, b) => {
    const la = levels2(a);
    const lb = levels2(b);
    return lb[0] - la[0] || lb[1] - la[1] || lb[2] - la[2] || cmp3(a[0].crate, b[0].crate) || cmp3(a[0].symbol, b[0].symbol);
  });
}
function renderText(report) {
  const lines = ["FFI surface review", ""];
  const bySeverity = (s) => count(report.changes, (c) => c.severity === s);
  if (!report.changes.length) lines.push("No change to the FFI surface. Required semver bump: none.");
  else {
    const findings = report.findings.length ? `${plural2(report.findings.length, "finding")} to review (${FINDING_LEVELS.map((l) => `${count(report.findings, (f) => f.level === l)} ${l}`).join(", ")})` : "no findings";
    lines.push(
      `Required semver bump: ${term(report.requiredBump)}; ${plural2(report.changes.length, "change")} (${SEVERITIES.map((s) => s === "addition" ? plural2(bySeverity(s), "addition") : `${bySeverity(s)} ${SEVERITY_TITLE2[s]}`).join(", ")}); ${findings}`
    );
  }
  const errors = count(report.diagnostics, (d) => d.level === "error");
  if (errors)
    lines.push(`WARNING: ${plural2(errors, "error")} during analysis: the surface may be incomplete.`);
  lines.push(
    `base ${term(report.base.rev)} \u2192 head ${term(report.head.rev)}; delta digest ${term(report.deltaDigest)}`
  );
  if (report.changes.length) {
    lines.push("", "Changes:");
    const width = Math.max(...SEVERITIES.map((s) => SEVERITY_TITLE2[s].length));
    for (const s of SEVERITIES) lines.push(`  ${SEVERITY_TITLE2[s].padEnd(width)}  ${bySeverity(s)}`);
    const groups = groupBy2(report.changes, (c) => c.severity);
    for (const s of SEVERITIES) {
      const list = groups.get(s);
      if (!list) continue;
      lines.push("", `${SEVERITY_TITLE2[s][0].toUpperCase()}${SEVERITY_TITLE2[s].slice(1)} (${list.length}):`);
      const byCrate = groupBy2(list, (c) => c.crate);
      for (const crate of [...byCrate.keys()].sort(cmp3)) {
        lines.push(`  ${crateTitle2(report, crate)}`);
        for (const c of byCrate.get(crate) ?? []) lines.push(...changeLines2(c));
      }
    }
  }
  if (report.findings.length) {
    lines.push(
      "",
      `Review checklist (${plural2(report.findings.length, "finding")}; approval comes only from a pull-request review):`
    );
    for (const g of findingGroups(report.findings)) {
      const first = g[0];
      const loc = where(first.file, first.line);
      const crate = first.crate ? ` in crate ${term(first.crate)}` : "";
      lines.push(`  ${exportName2(first.symbol, first.name)}${crate}${loc ? `  ${loc}` : ""}`);
      for (const f of g) {
        lines.push(`    [ ] ${term(f.level).padEnd(6)} ${term(f.rule)}: ${term(f.message)}`);
        lines.push(`               confirm: ${term(f.checklist)}`);
      }
    }
  }
  if (report.diagnostics.length) {
    lines.push(
      "",
      `Diagnostics (${plural2(errors, "error")}, ${plural2(report.diagnostics.length - errors, "warning")}):`
    );
    for (const d of report.diagnostics) {
      const loc = d.file ? ` (${where(d.file, d.line ?? 0)})` : "";
      lines.push(`  ${d.level === "error" ? "error" : "warning"} ${term(d.code)}: ${term(d.message)}${loc}`);
    }
  }
  lines.push("", `${term(report.tool.name)} ${term(report.tool.version)}`);
  return lines.join("\n") + "\n";
}

// src/cli/commands/diff.ts
var FAIL_ON = {
  breaking: ["breaking"],
  "potentially-breaking": ["breaking", "potentially-breaking"],
  any: "any"
};
function failsOn(report, failOn) {
  if (!failOn) return false;
  const levels2 = FAIL_ON[failOn];
  if (levels2 === "any") return report.changes.length > 0;
  return report.changes.some((c) => levels2.includes(c.severity));
}
async function diffCommand(args2) {
  const format = formatFlag(args2, ["json", "markdown", "text"], "json");
  const base = stringFlag(args2, "--base");
  if (!base) throw new UsageError("diff needs --base REV");
  const failOn = stringFlag(args2, "--fail-on");
  if (failOn !== void 0 && !(failOn in FAIL_ON))
    throw new UsageError(
      `--fail-on must be one of ${Object.keys(FAIL_ON).join(", ")} (got ${JSON.stringify(failOn)})`
    );
  const analysis = await analyseDiff({
    root: stringFlag(args2, "--root") ?? ".",
    base,
    head: stringFlag(args2, "--head"),
    features: featureSelection(args2),
    findings: computeReportFindings()
  });
  const { report } = analysis;
  const out2 = format === "json" ? JSON.stringify(report, null, 2) + "\n" : format === "markdown" ? renderMarkdown(report, {}) + "\n" : renderText(report);
  const fails = failsOn(report, failOn);
  return {
    stdout: out2,
    exitCode: fails ? 1 : 0,
    error: fails ? `the surface change is ${failOn === "any" ? "non-empty" : `${failOn} or worse`} (--fail-on ${failOn})` : void 0
  };
}

// src/cli/commands/extract.ts
async function extractCommand(args2) {
  const format = formatFlag(args2, ["json", "text"], "json");
  const features = featureSelection(args2);
  const tree = await openTree(stringFlag(args2, "--root") ?? ".", stringFlag(args2, "--rev"));
  try {
    const parser = await loadRustParser();
    const surface = await extractSurface(tree, parser, {
      features,
      testCoverage: args2.flags.has("--findings")
    });
    const fatal = surface.diagnostics.find((d) => d.code === "no-manifest" || d.code === "manifest-invalid");
    const out2 = format === "json" ? JSON.stringify(surface, null, 2) + "\n" : renderSurfaceText(surface);
    return {
      stdout: out2,
      exitCode: fatal && surface.crates.length === 0 ? 2 : 0,
      error: fatal && surface.crates.length === 0 ? fatal.message : void 0
    };
  } finally {
    tree.close?.();
  }
}

// src/core/gate/status-description.ts
var MAX_DESCRIPTION = 140;
var LABEL = {
  breaking: ["breaking", "breaking"],
  "potentially-breaking": ["potentially breaking", "potentially breaking"],
  addition: ["addition", "additions"],
  "non-abi": ["non-ABI change", "non-ABI changes"]
};
function countChanges(report) {
  const parts3 = [];
  for (const s of Object.keys(LABEL)) {
    const n = report.changes.filter((c) => c.severity === s).length;
    if (n) parts3.push(`${n} ${LABEL[s][n === 1 ? 0 : 1]}`);
  }
  return parts3.join(", ") || "no changes";
}
function ledger(digest) {
  return `ffi ${digest.replace(/^(sha256:[0-9a-f]{12}).*$/, "$1")}`;
}
function statusDescription(text2, digest) {
  const tail = digest ? ` \xB7 ${ledger(digest)}` : "";
  const room = MAX_DESCRIPTION - [...tail].length;
  const chars = [...text2.replace(/\s+/g, " ")];
  const body2 = chars.length > room ? chars.slice(0, room - 1).join("") + "\u2026" : chars.join("");
  return body2 + tail;
}

// src/core/gate/decide-status.ts
var DEFAULT_STATUS_CONTEXT = "ffi-surface/security-review";
function decideWithoutApproval(report) {
  if (report.changes.length === 0)
    return { state: "success", description: statusDescription("no FFI surface change", report.head.digest) };
  return {
    state: "pending",
    description: statusDescription(
      `awaiting FFI security review: ${countChanges(report)}`,
      report.deltaDigest
    )
  };
}

// src/cli/commands/gate-status.ts
async function gateStatusCommand(args2) {
  const base = stringFlag(args2, "--base");
  if (!base) throw new UsageError("gate-status needs --base REV");
  const { report } = await analyseDiff({
    root: stringFlag(args2, "--root") ?? ".",
    base,
    head: stringFlag(args2, "--head"),
    features: featureSelection(args2),
    findings: computeReportFindings()
  });
  const d = decideWithoutApproval(report);
  return { stdout: `status ${DEFAULT_STATUS_CONTEXT}: ${d.state} \u2014 ${d.description}
`, exitCode: 0 };
}

// src/core/release-check.ts
var semver = __toESM2(require_semver2());
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
function versionBump(from, to) {
  const a = cargoVersion(from);
  const b = cargoVersion(to);
  if (!a || !b) return "invalid";
  const cmp4 = semver.compare(a, b);
  if (cmp4 === 0) return "none";
  if (cmp4 > 0) return "backwards";
  const tri = (v) => [v.major, v.minor, v.patch];
  const [am, an, ap] = tri(a);
  const [bm, bn, bp] = tri(b);
  if (am === bm && an === bn && ap === bp) return "prerelease";
  if (am !== bm) return "major";
  if (am === 0) {
    if (an !== bn) return "major";
    if (an === 0) return "major";
    return "minor";
  }
  if (an !== bn) return "minor";
  void ap;
  void bp;
  return "patch";
}
var CARGO_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function cargoVersion(v) {
  return CARGO_VERSION.test(v) ? semver.parse(v) : null;
}
function bumpHint(required2, base) {
  const v = cargoVersion(base);
  if (!v || v.major !== 0) return "";
  if (v.minor === 0) return " (in 0.0.z every release is breaking: bump z)";
  if (required2 === "major") return " (in 0.y.z: bump y)";
  if (required2 === "minor") return " (in 0.y.z: bump z)";
  return "";
}
function covers(actual, required2, basePrerelease) {
  if (required2 === "none") return actual !== "backwards";
  if (actual === "backwards" || actual === "none") return false;
  if (actual === "prerelease") return basePrerelease;
  return RANK[actual] >= RANK[required2];
}
function checkCrate(name2, baseVersion, headVersion, changes, options = {}) {
  const required2 = requiredBump(changes, options);
  const base = { name: name2, baseVersion, headVersion, requiredBump: required2, changes };
  if (baseVersion === null)
    return {
      ...base,
      actualBump: "new",
      covered: true,
      reason: `first release of ${name2}: the whole surface is new`
    };
  if (headVersion === null)
    return { ...base, actualBump: "removed", covered: true, reason: `${name2} is no longer in the workspace` };
  const actual = versionBump(baseVersion, headVersion);
  if (actual === "invalid")
    return {
      ...base,
      actualBump: "invalid",
      covered: false,
      reason: `cannot read versions ${baseVersion} \u2192 ${headVersion} as semver`
    };
  const pre = (cargoVersion(baseVersion)?.prerelease.length ?? 0) > 0;
  const ok = covers(actual, required2, pre);
  let reason;
  if (actual === "backwards") reason = `version went backwards: ${baseVersion} \u2192 ${headVersion}`;
  else if (ok)
    reason = required2 === "none" ? "no surface change" : `${baseVersion} \u2192 ${headVersion} is a ${actual} bump, which covers the required ${required2}`;
  else
    reason = `${baseVersion} \u2192 ${headVersion} is ${actual === "none" ? "no bump" : `a ${actual} bump`}, but the surface change needs ${required2}${bumpHint(required2, baseVersion)}`;
  return { ...base, actualBump: actual, covered: ok, reason };
}

// src/cli/commands/release-check.ts
function renderVerdictsText(verdicts) {
  const lines = verdicts.map(
    (v) => `${v.covered ? "ok  " : "FAIL"} ${printable(v.name)}: ${printable(v.baseVersion ?? "-")} \u2192 ${printable(v.headVersion ?? "-")}; requires ${v.requiredBump}, is ${v.actualBump} (${printable(v.reason)})`
  );
  return lines.join("\n") + "\n";
}
async function releaseCheckCommand(args2) {
  const format = formatFlag(args2, ["json", "text"], "text");
  const base = stringFlag(args2, "--base");
  if (!base) throw new UsageError("release-check needs --base REV");
  const analysis = await analyseDiff({
    root: stringFlag(args2, "--root") ?? ".",
    base,
    head: stringFlag(args2, "--head"),
    features: featureSelection(args2),
    useMergeBase: false
  });
  const { report } = analysis;
  const verdicts = report.crates.map(
    (c) => checkCrate(
      c.name,
      c.baseVersion,
      c.headVersion,
      report.changes.filter((ch) => ch.crate === c.name)
    )
  );
  const ok = verdicts.every((v) => v.covered);
  const out2 = format === "json" ? JSON.stringify(
    {
      schemaVersion: 1,
      base: report.base,
      head: report.head,
      ok,
      requiredBump: report.requiredBump,
      crates: verdicts,
      diagnostics: report.diagnostics
    },
    null,
    2
  ) + "\n" : renderVerdictsText(verdicts);
  const failed = verdicts.filter((v) => !v.covered);
  return {
    stdout: out2,
    exitCode: ok ? 0 : 1,
    error: ok ? void 0 : `version bump does not cover the surface change: ${failed.map((v) => `${printable(v.name)} needs ${v.requiredBump}, got ${v.actualBump}`).join("; ")}`
  };
}

// src/cli/run.ts
var USAGE = `usage:
  ${TOOL_NAME} extract       [--root DIR] [--rev REV] [--features a,b | --all-features | --no-default-features] [--format json|text]
  ${TOOL_NAME} diff          --base REV [--head REV] [--root DIR] [feature flags] [--format json|markdown|text] [--fail-on breaking|potentially-breaking|any]
  ${TOOL_NAME} release-check --base REV [--head REV] [--root DIR] [--format json|text]
  ${TOOL_NAME} gate-status   --base REV [--head REV] [--root DIR] [feature flags]
  ${TOOL_NAME} changelog     --base REV [--head REV] [--root DIR] [feature flags] [--version X] [--date YYYY-MM-DD]
`;
var COMMANDS = {
  extract: extractCommand,
  diff: diffCommand,
  "release-check": releaseCheckCommand,
  "gate-status": gateStatusCommand
};
async function run2(argv) {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "help" || argv[0] === "-h")
    return { stdout: USAGE, exitCode: argv.length === 0 ? 2 : 0 };
  if (argv[0] === "--version") return { stdout: `${TOOL_NAME} ${TOOL_VERSION}
`, exitCode: 0 };
  try {
    if (argv[0] === "changelog") return await changelogCommand(argv.slice(1));
    const args2 = parseArgs(argv);
    if (args2.flags.has("--help")) return { stdout: USAGE, exitCode: 0 };
    const command = COMMANDS[args2.command];
    if (!command)
      throw new UsageError(
        `unknown command ${JSON.stringify(args2.command)}; expected one of ${[...Object.keys(COMMANDS), "changelog"].join(", ")}`
      );
    return await command(args2);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof GitError)
      return { stdout: "", exitCode: 2, error: e.message };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: "", exitCode: 2, error: `internal error: ${msg}` };
  }
}

// src/cli/main.ts
run2(process.argv.slice(2)).then(
  (r) => {
    if (r.stdout) process.stdout.write(r.stdout);
    if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split("\n")[0]}
`);
    process.exitCode = r.exitCode;
  },
  (e) => {
    process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}
`);
    process.exitCode = 2;
  }
);
