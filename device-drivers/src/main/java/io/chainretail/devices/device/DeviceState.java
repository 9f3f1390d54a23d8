package io.chainretail.devices.device;

/** Where a device is in its life (UnifiedPOS): closed, idle and ready, busy with output, in error. */
public enum DeviceState { CLOSED, IDLE, BUSY, ERROR }
