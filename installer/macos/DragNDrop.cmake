# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# macOS disk image (DragNDrop). UNVERIFIED: Offhook is only built and tested on Debian 12. Needs an app
# bundle (MACOSX_BUNDLE with installer/macos/Info.plist, which declares the sip: and tel: URL schemes)
# and macdeployqt before running cpack.
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Offhook")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_FILE_NAME "Offhook-${PROJECT_VERSION}")
