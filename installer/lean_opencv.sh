#!/bin/sh
# Build a lean OpenCV for the bundle and install it into FOLDER (default build/lean-opencv):
# core, imgproc, imgcodecs (JPEG, PNG, BMP, PNM) and videoio (V4L2 / DirectShow / MSMF / AVFoundation,
# Motion-JPEG .avi) with the Python bindings; no FFmpeg, GStreamer, OpenBLAS/LAPACK, IPP or OpenCL, and
# nothing downloaded but the opencv-python-headless sources and the Python tools that build them.
#
# installer/build.py runs this by itself when its cache folder (build/lean-opencv, $INVENTORY_LEAN_OPENCV or
# --lean-opencv FOLDER) has no cv2 yet; it passes PYTHON (its own interpreter).
# Takes 15-40 minutes on two busy cores. Needs cmake, ninja (or make) and a C++ compiler; on Windows
# Git for Windows' bash and the Visual Studio C++ Build Tools (see installer/windows/README.md).
set -eu
FOLDER=$(realpath -m "${1:-build/lean-opencv}")
VERSION=${OPENCV_VERSION:-4.12.0.88}
PY=${PYTHON:-.venv/bin/python}
WORK=$(mktemp -d)
"$PY" -m pip download --no-deps --no-binary opencv-python-headless -d "$WORK" "opencv-python-headless==$VERSION"
tar -xzf "$WORK"/opencv-python-headless-*.tar.gz -C "$WORK"
SRC=$(ls -d "$WORK"/opencv-python-headless-*/)
export ENABLE_HEADLESS=1
export CMAKE_BUILD_PARALLEL_LEVEL=${JOBS:-2}
export CMAKE_ARGS="-DBUILD_LIST=core,imgproc,imgcodecs,videoio,python3 -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF \
 -DWITH_LAPACK=OFF -DWITH_IPP=OFF -DWITH_OPENCL=OFF -DWITH_EIGEN=OFF -DWITH_AVIF=OFF -DWITH_OPENJPEG=OFF \
 -DWITH_JASPER=OFF -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENEXR=OFF -DWITH_IMGCODEC_HDR=OFF \
 -DWITH_IMGCODEC_SUNRASTER=OFF -DWITH_IMGCODEC_PXM=ON -DWITH_IMGCODEC_PFM=OFF -DWITH_PROTOBUF=OFF -DWITH_ADE=OFF \
 -DWITH_QUIRC=OFF -DWITH_1394=OFF -DWITH_GTK=OFF -DWITH_ITT=OFF -DWITH_OPENVX=OFF -DWITH_VA=OFF -DWITH_VA_INTEL=OFF \
 -DCPU_DISPATCH=AVX2 -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOCS=OFF \
 -DBUILD_JAVA=OFF -DBUILD_opencv_apps=OFF"
mkdir -p "$FOLDER"
# Built in place, so that the compiled tree survives the last step: opencv-python's packaging expects
# the typing stubs, whose generator fails without the features2d module. The cv2 package itself is
# complete in the CMake install tree and is taken from there when the wheel cannot be packed.
if "$PY" -m pip wheel --no-deps -w "$WORK/wheel" "$SRC"; then
    "$PY" -m pip install --no-deps --target "$FOLDER" "$WORK"/wheel/opencv_python_headless-*.whl
else
    INSTALLED=$(ls -d "$SRC"/_skbuild/*/cmake-install/python/cv2)
    rm -rf "$FOLDER/cv2" && cp -r "$INSTALLED" "$FOLDER/cv2"
    # The wheel's layout: the extension beside cv2/__init__.py (its loader config looks there), and version.py.
    # (cv2*.so on Linux and macOS, cv2*.pyd on Windows.)
    for EXT in "$FOLDER"/cv2/python-3*/cv2*.so "$FOLDER"/cv2/python-3*/cv2*.pyd; do
        if [ -e "$EXT" ]; then mv "$EXT" "$FOLDER/cv2/"; fi
    done
    rmdir "$FOLDER"/cv2/python-3*
    printf 'opencv_version = "%s"\ncontrib = False\nheadless = True\nrolling = False\nci_build = False\n' \
        "${VERSION%.*}" > "$FOLDER/cv2/version.py"
    # The app's version list (and the spec's metadata copy) look the package up by its name.
    INFO="$FOLDER/opencv_python_headless-$VERSION.dist-info"
    mkdir -p "$INFO"
    printf 'Metadata-Version: 2.1\nName: opencv-python-headless\nVersion: %s\nSummary: lean build (installer/lean_opencv.sh)\n' \
        "$VERSION" > "$INFO/METADATA"
    : > "$INFO/RECORD"
fi
# Git for Windows' bash: Python needs C:/... rather than /c/... inside its own code.
NATIVE=$(if command -v cygpath > /dev/null; then cygpath -m "$FOLDER"; else echo "$FOLDER"; fi)
"$PY" -c "import sys; sys.path.insert(0, '$NATIVE'); import cv2; print('lean OpenCV', cv2.__version__, cv2.__file__)"
rm -rf "$WORK"
echo "lean OpenCV in $FOLDER (installer/build.py takes it from there)"
