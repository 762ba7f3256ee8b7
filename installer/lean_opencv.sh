#!/bin/sh
# Build a lean OpenCV for the bundle and install it into FOLDER (default build/lean-opencv):
# core, imgproc, imgcodecs (JPEG, PNG, BMP, PNM) and videoio (V4L2 / DirectShow / MSMF / AVFoundation,
# Motion-JPEG .avi) with the Python bindings; no FFmpeg, GStreamer, OpenBLAS/LAPACK, IPP or OpenCL, and
# nothing downloaded during the build. Then: python installer/build.py --lean-opencv FOLDER
#
# Takes 20-40 minutes on two cores. Needs cmake, ninja (or make) and a C++ compiler.
set -eu
FOLDER=${1:-build/lean-opencv}
VERSION=${OPENCV_VERSION:-4.12.0.88}
PY=${PYTHON:-.venv/bin/python}
WORK=$(mktemp -d)
"$PY" -m pip download --no-deps --no-binary opencv-python-headless -d "$WORK" "opencv-python-headless==$VERSION"
export ENABLE_HEADLESS=1
export CMAKE_BUILD_PARALLEL_LEVEL=${JOBS:-2}
export CMAKE_ARGS="-DBUILD_LIST=core,imgproc,imgcodecs,videoio,python3 -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF \
 -DWITH_LAPACK=OFF -DWITH_IPP=OFF -DWITH_OPENCL=OFF -DWITH_EIGEN=OFF -DWITH_AVIF=OFF -DWITH_OPENJPEG=OFF \
 -DWITH_JASPER=OFF -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENEXR=OFF -DWITH_IMGCODEC_HDR=OFF \
 -DWITH_IMGCODEC_SUNRASTER=OFF -DWITH_IMGCODEC_PXM=ON -DWITH_IMGCODEC_PFM=OFF -DWITH_PROTOBUF=OFF -DWITH_ADE=OFF \
 -DWITH_QUIRC=OFF -DWITH_1394=OFF -DWITH_GTK=OFF -DWITH_ITT=OFF -DWITH_OPENVX=OFF -DWITH_VA=OFF -DWITH_VA_INTEL=OFF \
 -DCPU_DISPATCH=AVX2 -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOCS=OFF \
 -DBUILD_JAVA=OFF -DBUILD_opencv_apps=OFF"
"$PY" -m pip wheel --no-deps --no-binary opencv-python-headless -w "$WORK/wheel" "$WORK"/opencv-python-headless-*.tar.gz
"$PY" -m pip install --no-deps --target "$FOLDER" "$WORK"/wheel/opencv_python_headless-*.whl
rm -rf "$WORK"
echo "lean OpenCV in $FOLDER: python installer/build.py --lean-opencv $FOLDER"
