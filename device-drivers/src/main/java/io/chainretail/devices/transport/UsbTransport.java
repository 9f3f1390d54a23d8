package io.chainretail.devices.transport;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import javax.usb.UsbConfiguration;
import javax.usb.UsbConst;
import javax.usb.UsbDevice;
import javax.usb.UsbDisconnectedException;
import javax.usb.UsbEndpoint;
import javax.usb.UsbException;
import javax.usb.UsbHostManager;
import javax.usb.UsbHub;
import javax.usb.UsbInterface;
import javax.usb.UsbIrp;
import javax.usb.UsbPipe;
import javax.usb.UsbServices;

/**
 * A USB device through javax.usb (usb4java on libusb): found by vendor and product id (and serial number),
 * its interface claimed by force, which detaches the kernel's driver ({@code usblp} for a printer,
 * {@code usbhid} for a HID POS scanner); releasing it on {@link #close()} gives the interface back to
 * that driver. Bytes go out on the interface's bulk (or interrupt) OUT endpoint, one transfer per write,
 * and come in from its IN endpoint. An unplugged device fails the next transfer; the device reconnects
 * through {@link #open()} with backoff like any other transport.
 *
 * <p>On Linux the agent's user needs write access to the device node, e.g. a udev rule
 * {@code SUBSYSTEM=="usb", ATTR{idVendor}=="04b8", MODE="0660", GROUP="lp"} (docs/devices.md).
 */
public final class UsbTransport implements Transport {

    /** Where the USB device tree comes from: the host's, or a test's. */
    @FunctionalInterface
    public interface Services {
        UsbServices get() throws UsbException;
    }

    private final UsbAddress address;
    private final Services services;
    private UsbInterface claimed;
    private UsbPipe out;
    private UsbPipe in;
    private UsbIrp pendingRead;

    public UsbTransport(UsbAddress address) {
        this(address, UsbHostManager::getUsbServices);
    }

    public UsbTransport(UsbAddress address, Services services) {
        this.address = address;
        this.services = services;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        try {
            UsbDevice device = find(services.get().getRootUsbHub());
            if (device == null) {
                throw new IOException("no USB device " + address + " attached (unplugged, or switched off?)");
            }
            UsbInterface usbInterface = pickInterface(device);
            usbInterface.claim(ignored -> true); // force: detach the kernel driver holding it
            claimed = usbInterface;
            out = openPipe(usbInterface, UsbConst.ENDPOINT_DIRECTION_OUT);
            in = openPipe(usbInterface, UsbConst.ENDPOINT_DIRECTION_IN);
            if (out == null && in == null) {
                throw new IOException("USB device " + address + " has no bulk or interrupt endpoint on interface "
                        + (usbInterface.getUsbInterfaceDescriptor().bInterfaceNumber() & 0xff));
            }
        } catch (UsbException | UsbDisconnectedException e) {
            close();
            throw new IOException("cannot claim USB device " + address + ": " + e.getMessage()
                    + " (permission on /dev/bus/usb? see docs/devices.md)", e);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return claimed != null;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        if (out == null) {
            throw new IOException(claimed == null ? "USB device " + address + " is not open"
                    : "USB device " + address + " takes no output");
        }
        try {
            int sent = out.syncSubmit(bytes);
            if (sent != bytes.length) {
                throw new IOException("USB device " + address + " took " + sent + " of " + bytes.length + " bytes");
            }
        } catch (UsbException | UsbDisconnectedException e) {
            close();
            throw new IOException("USB device " + address + " is gone: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the IN endpoint's next transfer. A transfer still pending when the time is up stays
     * submitted for the next call, so nothing the device sends in between is lost.
     */
    @Override
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        UsbIrp irp;
        synchronized (this) {
            if (in == null) {
                if (claimed == null) {
                    throw new IOException("USB device " + address + " is not open");
                }
                irp = null;
            } else {
                if (pendingRead == null) {
                    pendingRead = submitRead();
                }
                irp = pendingRead;
            }
        }
        if (irp == null) {
            sleep(timeoutMillis); // output-only device (a printer without a status channel)
            return 0;
        }
        irp.waitUntilComplete(timeoutMillis);
        synchronized (this) {
            if (!irp.isComplete()) {
                return 0;
            }
            pendingRead = null;
            if (irp.isUsbException()) {
                close();
                throw new IOException("USB device " + address + " is gone: " + irp.getUsbException().getMessage(),
                        irp.getUsbException());
            }
            int count = Math.min(buffer.length, irp.getActualLength());
            System.arraycopy(irp.getData(), irp.getOffset(), buffer, 0, count);
            return count;
        }
    }

    @Override
    public synchronized void close() {
        pendingRead = null;
        closePipe(in);
        closePipe(out);
        in = null;
        out = null;
        if (claimed != null) {
            try {
                claimed.release(); // and usb4java re-attaches the kernel driver it detached
            } catch (UsbException | UsbDisconnectedException e) {
                // unplugged: nothing left to release
            }
            claimed = null;
        }
    }

    @Override
    public String toString() {
        return address.toString();
    }

    private UsbIrp submitRead() throws IOException {
        UsbIrp irp = in.createUsbIrp();
        irp.setData(new byte[Math.max(8, in.getUsbEndpoint().getUsbEndpointDescriptor().wMaxPacketSize() & 0xffff)]);
        irp.setAcceptShortPacket(true);
        try {
            in.asyncSubmit(irp);
        } catch (UsbException | UsbDisconnectedException e) {
            close();
            throw new IOException("USB device " + address + " is gone: " + e.getMessage(), e);
        }
        return irp;
    }

    private UsbDevice find(UsbHub hub) throws UsbException {
        for (Object attached : hub.getAttachedUsbDevices()) {
            UsbDevice device = (UsbDevice) attached;
            if (device.isUsbHub()) {
                UsbDevice found = find((UsbHub) device);
                if (found != null) {
                    return found;
                }
            } else if (matches(device)) {
                return device;
            }
        }
        return null;
    }

    private boolean matches(UsbDevice device) throws UsbException {
        var descriptor = device.getUsbDeviceDescriptor();
        if ((descriptor.idVendor() & 0xffff) != address.vendorId()
                || (descriptor.idProduct() & 0xffff) != address.productId()) {
            return false;
        }
        if (address.serial() == null) {
            return true;
        }
        try {
            return address.serial().equals(device.getSerialNumberString());
        } catch (UnsupportedEncodingException e) {
            return false;
        }
    }

    private UsbInterface pickInterface(UsbDevice device) throws IOException {
        UsbConfiguration configuration = device.getActiveUsbConfiguration();
        if (configuration == null) {
            throw new IOException("USB device " + address + " is not configured");
        }
        for (Object candidate : configuration.getUsbInterfaces()) {
            UsbInterface usbInterface = (UsbInterface) candidate;
            int number = usbInterface.getUsbInterfaceDescriptor().bInterfaceNumber() & 0xff;
            if (address.interfaceNumber() != null ? number == address.interfaceNumber()
                    : endpoint(usbInterface, UsbConst.ENDPOINT_DIRECTION_OUT) != null
                            || endpoint(usbInterface, UsbConst.ENDPOINT_DIRECTION_IN) != null) {
                return usbInterface;
            }
        }
        throw new IOException("USB device " + address + " has no interface " + (address.interfaceNumber() == null
                ? "with a bulk or interrupt endpoint" : address.interfaceNumber()));
    }

    private static UsbEndpoint endpoint(UsbInterface usbInterface, byte direction) {
        for (Object candidate : usbInterface.getUsbEndpoints()) {
            UsbEndpoint endpoint = (UsbEndpoint) candidate;
            if (endpoint.getDirection() == direction && (endpoint.getType() == UsbConst.ENDPOINT_TYPE_BULK
                    || endpoint.getType() == UsbConst.ENDPOINT_TYPE_INTERRUPT)) {
                return endpoint;
            }
        }
        return null;
    }

    private static UsbPipe openPipe(UsbInterface usbInterface, byte direction) throws UsbException {
        UsbEndpoint endpoint = endpoint(usbInterface, direction);
        if (endpoint == null) {
            return null;
        }
        UsbPipe pipe = endpoint.getUsbPipe();
        pipe.open();
        return pipe;
    }

    private static void closePipe(UsbPipe pipe) {
        if (pipe == null || !pipe.isOpen()) {
            return;
        }
        try {
            pipe.abortAllSubmissions();
            pipe.close();
        } catch (UsbException | RuntimeException e) {
            // unplugged or already closed
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
