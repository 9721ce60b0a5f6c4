// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

// The only place Sofia-SIP headers are included from. The magic types are set before nua.h so that
// callbacks receive our own types instead of void pointers.

namespace Sip::Internal {
class EngineThread;
class HandleOwner;
} // namespace Sip::Internal

#define SU_ROOT_MAGIC_T ::Sip::Internal::EngineThread
#define NUA_MAGIC_T ::Sip::Internal::EngineThread
#define NUA_HMAGIC_T ::Sip::Internal::HandleOwner
#define SU_TIMER_ARG_T void
#define SU_MSG_ARG_T void

#include <sofia-sip/auth_client.h>
#include <sofia-sip/msg.h>
#include <sofia-sip/msg_header.h>
#include <sofia-sip/nua.h>
#include <sofia-sip/nua_tag.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/su.h>
#include <sofia-sip/su_log.h>
#include <sofia-sip/su_tag_io.h>
#include <sofia-sip/su_wait.h>
#include <sofia-sip/tport_tag.h>
#include <sofia-sip/nta_tag.h>
