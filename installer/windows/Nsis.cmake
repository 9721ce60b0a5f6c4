# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# Windows installer (NSIS). UNVERIFIED: Offhook is only built and tested on Debian 12. Qt's DLLs must be
# deployed next to offhook.exe (windeployqt) before running cpack.
set(CPACK_GENERATOR "NSIS")
set(CPACK_NSIS_DISPLAY_NAME "Offhook")
set(CPACK_NSIS_PACKAGE_NAME "Offhook ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\offhook.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# sip: and tel: links open Offhook.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR 'sip' '' 'URL:SIP Protocol'
  WriteRegStr HKCR 'sip' 'URL Protocol' ''
  WriteRegStr HKCR 'sip\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\offhook.exe\\\" \\\"%1\\\"'
  WriteRegStr HKCR 'tel' '' 'URL:Telephone'
  WriteRegStr HKCR 'tel' 'URL Protocol' ''
  WriteRegStr HKCR 'tel\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\offhook.exe\\\" \\\"%1\\\"'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR 'sip'
  DeleteRegKey HKCR 'tel'
")
