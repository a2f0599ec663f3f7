#ifndef CIMAGECODECS_SHIM_H
#define CIMAGECODECS_SHIM_H
#include <stdio.h>
#include <png.h>
#include <jpeglib.h>
#endif
