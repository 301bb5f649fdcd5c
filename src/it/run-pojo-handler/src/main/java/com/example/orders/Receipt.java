package com.example.orders;

/** The result: written as JSON. */
public class Receipt {
    private final String orderId;
    private final int items;
    private final double total;

    public Receipt(String orderId, int items, double total) {
        this.orderId = orderId;
        this.items = items;
        this.total = total;
    }

    public String getOrderId() { return orderId; }
    public int getItems() { return items; }
    public double getTotal() { return total; }
}
