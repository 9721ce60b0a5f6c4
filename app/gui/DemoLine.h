// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

namespace App {

/// The `offhook --demo` line: 1001@<host of server>, auth user 1001, password "demo1001", expiry 300,
/// against server (default "127.0.0.1:5060", the demo PBX). Pure.
Sip::LineConfig demoLine(const QString &server = {});

} // namespace App
