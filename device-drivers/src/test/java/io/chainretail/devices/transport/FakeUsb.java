package io.chainretail.devices.transport;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import javax.usb.UsbConfiguration;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbDeviceDescriptor;
import javax.usb.UsbDisconnectedException;
import javax.usb.UsbEndpoint;
import javax.usb.UsbEndpointDescriptor;
import javax.usb.UsbException;
import javax.usb.UsbHub;
import javax.usb.UsbInterface;
import javax.usb.UsbInterfaceDescriptor;
import javax.usb.UsbIrp;
import javax.usb.UsbPipe;
import javax.usb.UsbServices;
import javax.usb.util.DefaultUsbIrp;

/**
 * A host's USB tree built from Mockito mocks of the javax.usb interfaces: hubs, devices with vendor,
 * product and serial, one interface with an OUT and an IN endpoint each. A device records what it was
 * sent, sends what a test gives it, and can be unplugged and plugged back in.
 */
final class FakeUsb {

    final UsbServices services = mock(UsbServices.class);
    private final UsbHub root = hub();

    FakeUsb() throws UsbException {
        when(services.getRootUsbHub()).thenReturn(root);
    }

    /** A hub on the root hub. */
    UsbHub addHub() {
        UsbHub hub = hub();
        attached(root).add(hub);
        return hub;
    }

    /** A device on {@code hub}: a kernel driver holds its interface until it is claimed by force. */
    Device plug(UsbHub hub, int vendor, int product, String serial, byte endpointType) throws Exception {
        Device device = new Device(hub, vendor, product, serial, endpointType);
        device.plugIn();
        return device;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> attached(UsbHub hub) {
        return (List<Object>) hub.getAttachedUsbDevices();
    }

    private static UsbHub hub() {
        UsbHub hub = mock(UsbHub.class);
        List<Object> devices = new CopyOnWriteArrayList<>();
        when(hub.isUsbHub()).thenReturn(true);
        when(hub.getAttachedUsbDevices()).thenReturn(devices);
        return hub;
    }

    /** One fake device and what happened to it. */
    static final class Device {
        final UsbDevice usb = mock(UsbDevice.class);
        final UsbInterface usbInterface = mock(UsbInterface.class);
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        final List<String> kernelDriver = new CopyOnWriteArrayList<>();
        private final UsbHub hub;
        private final LinkedBlockingQueue<byte[]> toSend = new LinkedBlockingQueue<>();
        private UsbIrp pendingRead;
        private volatile boolean plugged;
        private volatile boolean claimed;

        Device(UsbHub hub, int vendor, int product, String serial, byte endpointType) throws Exception {
            this.hub = hub;
            UsbDeviceDescriptor descriptor = mock(UsbDeviceDescriptor.class);
            when(descriptor.idVendor()).thenReturn((short) vendor);
            when(descriptor.idProduct()).thenReturn((short) product);
            when(usb.getUsbDeviceDescriptor()).thenReturn(descriptor);
            when(usb.getSerialNumberString()).thenReturn(serial);
            UsbConfiguration configuration = mock(UsbConfiguration.class);
            when(usb.getActiveUsbConfiguration()).thenReturn(configuration);
            when(configuration.getUsbInterfaces()).thenReturn(List.of(usbInterface));
            UsbInterfaceDescriptor interfaceDescriptor = mock(UsbInterfaceDescriptor.class);
            when(usbInterface.getUsbInterfaceDescriptor()).thenReturn(interfaceDescriptor);
            when(interfaceDescriptor.bInterfaceNumber()).thenReturn((byte) 0);
            List<UsbEndpoint> endpoints = List.of(outEndpoint(endpointType), inEndpoint(endpointType));
            when(usbInterface.getUsbEndpoints()).thenReturn(endpoints);
            doAnswer(call -> {
                if (!plugged) {
                    throw new UsbDisconnectedException();
                }
                if (claimed) {
                    throw new javax.usb.UsbClaimException("already claimed");
                }
                javax.usb.UsbInterfacePolicy policy = call.getArgument(0);
                if (!policy.forceClaim(usbInterface)) {
                    throw new UsbException("interface held by the kernel driver");
                }
                kernelDriver.add("detached");
                claimed = true;
                return null;
            }).when(usbInterface).claim(any(javax.usb.UsbInterfacePolicy.class));
            doAnswer(call -> {
                if (!plugged) {
                    throw new UsbDisconnectedException();
                }
                claimed = false;
                kernelDriver.add("attached");
                return null;
            }).when(usbInterface).release();
        }

        boolean claimed() {
            return claimed;
        }

        /** The device sends these bytes on its IN endpoint (one transfer). */
        synchronized void send(byte[] bytes) {
            if (pendingRead != null) {
                complete(pendingRead, bytes);
                pendingRead = null;
            } else {
                toSend.add(bytes);
            }
        }

        synchronized void unplug() {
            plugged = false;
            claimed = false;
            FakeUsb.attached(hub).remove(usb);
            if (pendingRead != null) {
                pendingRead.setUsbException(new UsbException("LIBUSB_ERROR_NO_DEVICE"));
                pendingRead.complete();
                pendingRead = null;
            }
        }

        synchronized void plugIn() {
            plugged = true;
            kernelDriver.add("attached");
            FakeUsb.attached(hub).add(usb);
        }

        private UsbEndpoint outEndpoint(byte type) throws Exception {
            UsbPipe pipe = pipe();
            when(pipe.syncSubmit(any(byte[].class))).thenAnswer(call -> {
                if (!plugged) {
                    throw new UsbException("LIBUSB_ERROR_NO_DEVICE");
                }
                byte[] bytes = call.getArgument(0);
                received.add(bytes.clone());
                return bytes.length;
            });
            return endpoint(pipe, UsbConst.ENDPOINT_DIRECTION_OUT, type);
        }

        private UsbEndpoint inEndpoint(byte type) throws Exception {
            UsbPipe pipe = pipe();
            when(pipe.createUsbIrp()).thenAnswer(call -> new DefaultUsbIrp());
            doAnswer(call -> {
                submitRead(call.getArgument(0));
                return null;
            }).when(pipe).asyncSubmit(any(UsbIrp.class));
            return endpoint(pipe, UsbConst.ENDPOINT_DIRECTION_IN, type);
        }

        private synchronized void submitRead(UsbIrp irp) throws UsbException {
            if (!plugged) {
                throw new UsbException("LIBUSB_ERROR_NO_DEVICE");
            }
            byte[] ready = toSend.poll();
            if (ready != null) {
                complete(irp, ready);
            } else {
                pendingRead = irp;
            }
        }

        private static void complete(UsbIrp irp, byte[] bytes) {
            int count = Math.min(bytes.length, irp.getData().length);
            System.arraycopy(bytes, 0, irp.getData(), irp.getOffset(), count);
            irp.setActualLength(count);
            irp.complete();
        }

        private UsbPipe pipe() throws Exception {
            UsbPipe pipe = mock(UsbPipe.class);
            boolean[] open = {false};
            doAnswer(call -> {
                if (!claimed) {
                    throw new javax.usb.UsbNotClaimedException();
                }
                open[0] = true;
                return null;
            }).when(pipe).open();
            doAnswer(call -> {
                open[0] = false;
                return null;
            }).when(pipe).close();
            when(pipe.isOpen()).thenAnswer(call -> open[0]);
            return pipe;
        }

        private static UsbEndpoint endpoint(UsbPipe pipe, byte direction, byte type) {
            UsbEndpoint endpoint = mock(UsbEndpoint.class);
            UsbEndpointDescriptor descriptor = mock(UsbEndpointDescriptor.class);
            when(descriptor.wMaxPacketSize()).thenReturn((short) 64);
            when(endpoint.getUsbEndpointDescriptor()).thenReturn(descriptor);
            when(endpoint.getDirection()).thenReturn(direction);
            when(endpoint.getType()).thenReturn(type);
            when(endpoint.getUsbPipe()).thenReturn(pipe);
            when(pipe.getUsbEndpoint()).thenReturn(endpoint);
            return endpoint;
        }
    }
}
