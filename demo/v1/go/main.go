// A Go consumer of tinyimg through cgo, built against the committed header.
package main

/*
#cgo LDFLAGS: -L${SRCDIR}/../target/release -ltinyimg
#include "../include/tinyimg.h"
*/
import "C"

import "fmt"

func main() {
	fmt.Println("tinyimg", C.GoString(C.tinyimg_version()))
	img := C.tinyimg_image_new(4, 4)
	defer C.tinyimg_image_free(img)
	fmt.Println("clamp(-5) =", int(C.tinyimg_clamp(-5)))
}
