# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# Debian package: dependencies from dpkg-shlibdeps (dpkg-dev), the Kamailio-free runtime only.
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Offhook contributors")
set(CPACK_DEBIAN_PACKAGE_SECTION "comm")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins loaded at run time, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the long description under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Offhook registers SIP lines against hosted PBXes and carriers. Every SIP message\n\
is in a live log, every failure comes with a diagnosis in plain words, and a\n\
troubleshooter draws the registration as steps and a ladder diagram.")
